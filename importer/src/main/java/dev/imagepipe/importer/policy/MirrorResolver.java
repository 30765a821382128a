package dev.imagepipe.importer.policy;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ImageContentPolicy mirrors (A5): merges the mirror sets of each source (A5.2), then finds the mirrors for a
 * reference by the longest source that is its normalized name or a {@code /}-bounded prefix of it (A5.4). Digest
 * references use every set's mirrors; tag references only those of sets with {@code allowMirrorByTags}, merged
 * separately, as OpenShift merges digest and tag mirror sets separately.
 */
public final class MirrorResolver {

    private final SortedMap<String, List<String>> digestMirrors;
    private final SortedMap<String, List<String>> tagMirrors;

    private MirrorResolver(SortedMap<String, List<String>> digestMirrors, SortedMap<String, List<String>> tagMirrors) {
        this.digestMirrors = digestMirrors;
        this.tagMirrors = tagMirrors;
    }

    public static MirrorResolver of(List<MirrorSet> sets) {
        return new MirrorResolver(
                mergeAll(sets),
                mergeAll(sets.stream().filter(MirrorSet::allowMirrorByTags).toList()));
    }

    /** Merged mirrors for digest references, per source, sources in lexical order. */
    public SortedMap<String, List<String>> digestMirrors() {
        return digestMirrors;
    }

    /** Merged mirrors for tag references, per source, sources in lexical order. */
    public SortedMap<String, List<String>> tagMirrors() {
        return tagMirrors;
    }

    /**
     * The mirror candidates for {@code reference}, in order, without the source: each mirror with the remainder of
     * the name after the matched source and the reference's digest (or tag, {@code latest} when none is written).
     * Empty when no source matches or the reference is by tag and no set allows tag mirroring.
     */
    public List<ImageReference> mirrorsFor(ImageReference reference) {
        String name = reference.normalizedName();
        boolean byDigest = reference.digest().isPresent();
        Map<String, List<String>> table = byDigest ? digestMirrors : tagMirrors;
        Optional<String> source = table.keySet().stream()
                .filter(s -> matchLength(name, s) >= 0)
                .max(Comparator.comparingInt(String::length));
        if (source.isEmpty()) {
            return List.of();
        }
        String remainder = name.substring(source.get().length());
        String suffix = byDigest
                ? "@" + reference.digest().get()
                : ":" + reference.tag().orElse(ImageReference.DEFAULT_TAG);
        List<ImageReference> candidates = new ArrayList<>();
        for (String mirror : table.get(source.get())) {
            try {
                candidates.add(ImageReference.parse(mirror + remainder + suffix));
            } catch (InvalidReferenceException tooLongOrMalformed) {
                // A mirror that cannot hold this name is skipped; the source and other mirrors remain.
            }
        }
        return candidates;
    }

    /**
     * The length of {@code prefix} when it is {@code name} or a prefix of it ending at a {@code /}, else -1. Only
     * {@code /} counts as a boundary, as in OpenShift's importer ({@code isSubrepo}); containers/image also accepts
     * {@code :} and {@code @}, which lets {@code example.com} match {@code example.com:5000}.
     */
    static int matchLength(String name, String prefix) {
        if (name.equals(prefix)) {
            return prefix.length();
        }
        if (name.startsWith(prefix) && name.charAt(prefix.length()) == '/') {
            return prefix.length();
        }
        return -1;
    }

    private static SortedMap<String, List<String>> mergeAll(List<MirrorSet> sets) {
        SortedMap<String, List<List<String>>> bySource = new TreeMap<>();
        for (MirrorSet set : sets) {
            bySource.computeIfAbsent(set.source(), s -> new ArrayList<>()).add(set.mirrors());
        }
        SortedMap<String, List<String>> merged = new TreeMap<>();
        bySource.forEach((source, lists) -> {
            List<String> mirrors = merge(source, lists);
            if (!mirrors.isEmpty()) {
                merged.put(source, mirrors);
            }
        });
        return merged;
    }

    /**
     * Merges the mirror lists of one source (runtime-utils {@code mergedMirrorSets}, A5.2): each list orders its
     * mirrors and puts its last mirror before the source unless it lists the source itself; the orders are combined
     * topologically, ties going to the lexically smaller mirror; a cycle is broken at the node with the fewest
     * unsatisfied predecessors (lexically smaller first). Lists that are empty or only repeat the source are ignored;
     * a trailing source is dropped, since the source is tried last anyway.
     */
    static List<String> merge(String source, List<List<String>> mirrorLists) {
        Map<String, Set<String>> successors = new HashMap<>();
        Map<String, Integer> predecessors = new HashMap<>();
        for (List<String> mirrors : mirrorLists) {
            if (mirrors.stream().allMatch(source::equals)) {
                continue;
            }
            List<String> chain = new ArrayList<>(new LinkedHashSet<>(mirrors));
            if (!chain.contains(source)) {
                chain.add(source);
            }
            for (String node : chain) {
                predecessors.putIfAbsent(node, 0);
            }
            for (int i = 0; i + 1 < chain.size(); i++) {
                if (successors
                        .computeIfAbsent(chain.get(i), k -> new HashSet<>())
                        .add(chain.get(i + 1))) {
                    predecessors.merge(chain.get(i + 1), 1, Integer::sum);
                }
            }
        }
        List<String> order = topologicalOrder(successors, predecessors);
        if (!order.isEmpty() && order.get(order.size() - 1).equals(source)) {
            order.remove(order.size() - 1);
        }
        return order;
    }

    private static List<String> topologicalOrder(
            Map<String, Set<String>> successors, Map<String, Integer> predecessors) {
        Map<String, Integer> remaining = new HashMap<>(predecessors);
        List<String> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            TreeSet<String> ready = new TreeSet<>();
            remaining.forEach((node, count) -> {
                if (count == 0) {
                    ready.add(node);
                }
            });
            String next = ready.isEmpty()
                    ? remaining.entrySet().stream()
                            .min(Map.Entry.<String, Integer>comparingByValue()
                                    .thenComparing(Map.Entry.comparingByKey()))
                            .orElseThrow()
                            .getKey()
                    : ready.first();
            remaining.remove(next);
            order.add(next);
            for (String successor : successors.getOrDefault(next, Set.of())) {
                remaining.computeIfPresent(successor, (k, count) -> count - 1);
            }
        }
        return order;
    }
}
