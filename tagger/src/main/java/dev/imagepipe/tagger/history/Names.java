package dev.imagepipe.tagger.history;

import java.util.HashSet;
import java.util.List;

/** Checks shared by the stream records. */
final class Names {

    private Names() {}

    /** Tags are keyed by name in the API (Go maps); a list with a repeated name has no meaning. */
    static void requireUnique(List<String> names, String what) {
        var seen = new HashSet<String>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " " + name);
            }
        }
    }
}
