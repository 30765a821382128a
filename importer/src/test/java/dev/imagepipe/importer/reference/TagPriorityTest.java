package dev.imagepipe.importer.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagPriorityTest {

    @Test
    void putsLatestThenMinorThenFullVersionsNewestFirstThenOthers() {
        assertThat(TagPriority.sort(
                        List.of("other", "latest", "v5.5", "5.2.3", "5.5", "v5.3.6-bother", "5.3.6-abba", "5.6")))
                .containsExactly("latest", "5.6", "5.5", "v5.5", "v5.3.6-bother", "5.3.6-abba", "5.2.3", "other");
    }

    @Test
    void ordersMinorPreReleasesBySemanticPrecedence() {
        assertThat(TagPriority.sort(List.of(
                        "1.1-beta1",
                        "1.2-rc1",
                        "1.1-rc1",
                        "1.1-beta2",
                        "1.2-beta1",
                        "1.2-alpha1",
                        "1.2-beta4",
                        "latest")))
                .containsExactly(
                        "latest",
                        "1.2-rc1",
                        "1.2-beta4",
                        "1.2-beta1",
                        "1.2-alpha1",
                        "1.1-rc1",
                        "1.1-beta2",
                        "1.1-beta1");
    }

    @Test
    void prefersUnprefixedMinorOnTiesAndMinorBeforeFullVersion() {
        assertThat(TagPriority.sort(List.of("7.1", "v7.1", "7.1.0"))).containsExactly("7.1", "v7.1", "7.1.0");
        assertThat(TagPriority.sort(List.of("7.1.0", "v7.1", "7.1"))).containsExactly("7.1", "v7.1", "7.1.0");
    }

    @Test
    void sortsBareNumbersAndVPrefixedMajorsLexicallyAmongOthers() {
        List<String> sorted = TagPriority.sort(List.of("v1", "other", "v2", "3", "3.1", "abc"));

        assertThat(sorted).containsExactly("3.1", "3", "abc", "other", "v1", "v2");
        assertThat(sorted.subList(0, 5)).containsExactly("3.1", "3", "abc", "other", "v1");
        assertThat(sorted.subList(5, sorted.size())).containsExactly("v2");
    }

    @Test
    void treatsEmptyTagAsLatestAndDropsDuplicates() {
        assertThat(TagPriority.sort(List.of("1.0", "", "latest", "1.0", "a"))).containsExactly("latest", "1.0", "a");
    }

    @Test
    void ranksReleaseAboveItsPreReleaseAndNumericIdentifiersNumerically() {
        assertThat(TagPriority.sort(List.of("1.0.0-rc.2", "1.0.0", "1.0.0-rc.10", "1.0.0-rc.a")))
                .containsExactly("1.0.0", "1.0.0-rc.a", "1.0.0-rc.10", "1.0.0-rc.2");
    }

    @Test
    void treatsVersionsWithLeadingZerosAsOtherTags() {
        assertThat(TagPriority.sort(List.of("01.2.3", "1.2.3"))).containsExactly("1.2.3", "01.2.3");
    }
}
