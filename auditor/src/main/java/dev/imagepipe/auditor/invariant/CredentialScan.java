package dev.imagepipe.auditor.invariant;

import dev.imagepipe.auditor.log.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Rule#NO_CREDENTIALS}: no string of a decoded record looks like a credential ({@link CredentialPattern}).
 * Findings name the field and the kind of credential, never the text: the report must not spread what it found.
 */
public final class CredentialScan {

    /** Shown instead of a key that itself holds a credential. */
    static final String WITHHELD_KEY = "(key withheld: it holds a credential)";

    private CredentialScan() {}

    /**
     * The violations in one record's strings, one per field and kind.
     *
     * @param position where the record is
     * @param key its key (keys are scanned too)
     * @param timestamp its timestamp
     * @param strings every string field of the decoded value
     */
    public static List<Violation> check(Position position, String key, Instant timestamp, List<ScannedText> strings) {
        List<Violation> violations = new ArrayList<>();
        boolean keyLeaks = Arrays.stream(CredentialPattern.values()).anyMatch(p -> p.foundIn(key));
        String shownKey = keyLeaks ? WITHHELD_KEY : key;
        List<ScannedText> all = new ArrayList<>(strings.size() + 1);
        all.add(new ScannedText("(key)", key));
        all.addAll(strings);
        for (ScannedText field : all) {
            for (CredentialPattern pattern : CredentialPattern.values()) {
                if (pattern.foundIn(field.text())) {
                    violations.add(Violation.of(
                            Rule.NO_CREDENTIALS,
                            "a " + pattern.title() + " in " + field.path() + " (value not shown)",
                            new Evidence(position, shownKey, timestamp, "field " + field.path())));
                }
            }
        }
        return violations;
    }
}
