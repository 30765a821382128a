package dev.imagepipe.importer.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order in which a repository import picks tags (OpenShift {@code PrioritizeTags}, A9.3): {@code latest}; then
 * minor versions ({@code X.Y}, {@code vX.Y}, {@code X.Y-word}) newest first; then full semantic versions newest first
 * (un-prefixed before {@code v} on ties); then everything else in lexical order.
 */
public final class TagPriority {

    private static final Pattern MINOR = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern MINOR_WITH_SUFFIX = Pattern.compile("(\\d+\\.\\d+)-([\\w-]+)");

    private enum Group {
        LATEST,
        MINOR,
        FULL,
        OTHER
    }

    private record Ranked(String tag, Group group, Optional<SemanticVersion> version, boolean prefixed) {}

    private static final Comparator<Ranked> ORDER = Comparator.comparing(Ranked::group)
            .thenComparing(
                    r -> r.version().orElse(null), Comparator.nullsLast(Comparator.<SemanticVersion>reverseOrder()))
            .thenComparing(Ranked::prefixed)
            .thenComparing(Ranked::tag);

    private TagPriority() {}

    /**
     * The tags de-duplicated and in import priority order; an empty tag counts as {@code latest}, as the registry's
     * tag list may contain one.
     */
    public static List<String> sort(Collection<String> tags) {
        List<Ranked> ranked = new ArrayList<>();
        for (String tag : new LinkedHashSet<>(tags.stream()
                .map(t -> t.isEmpty() ? ImageReference.DEFAULT_TAG : t)
                .toList())) {
            ranked.add(rank(tag));
        }
        ranked.sort(ORDER);
        return ranked.stream().map(Ranked::tag).toList();
    }

    private static Ranked rank(String tag) {
        if (tag.equals(ImageReference.DEFAULT_TAG)) {
            return new Ranked(tag, Group.LATEST, Optional.empty(), false);
        }
        boolean prefixed = tag.startsWith("v");
        String bare = prefixed ? tag.substring(1) : tag;
        Optional<SemanticVersion> minor = Optional.empty();
        if (MINOR.matcher(bare).matches()) {
            minor = SemanticVersion.parse(bare + ".0");
        } else {
            Matcher suffixed = MINOR_WITH_SUFFIX.matcher(bare);
            if (suffixed.matches()) {
                minor = SemanticVersion.parse(suffixed.group(1) + ".0-" + suffixed.group(2));
            }
        }
        if (minor.isPresent()) {
            return new Ranked(tag, Group.MINOR, minor, prefixed);
        }
        Optional<SemanticVersion> full = SemanticVersion.parse(bare);
        if (full.isPresent()) {
            return new Ranked(tag, Group.FULL, full, prefixed);
        }
        return new Ranked(tag, Group.OTHER, Optional.empty(), false);
    }
}
