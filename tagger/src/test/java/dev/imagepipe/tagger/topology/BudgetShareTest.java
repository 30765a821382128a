package dev.imagepipe.tagger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BudgetShareTest {

    @Test
    void sharesAddUpToTheBudgetWithTheRemainderOnTheLowestPartitions() {
        assertThat(IntStream.range(0, 6).map(p -> BudgetShare.of(60, 6, p))).containsOnly(10);
        assertThat(IntStream.range(0, 4).map(p -> BudgetShare.of(10, 4, p))).containsExactly(3, 3, 2, 2);
    }

    @Test
    void everyPartitionMayIssueAtLeastOneWhenTheBudgetIsSmallerThanThePartitionCount() {
        assertThat(IntStream.range(0, 6).map(p -> BudgetShare.of(2, 6, p))).containsOnly(1);
    }

    @Test
    void unlimitedStaysUnlimited() {
        assertThat(BudgetShare.of(-1, 6, 3)).isEqualTo(-1);
        assertThat(BudgetShare.of(0, 6, 3)).isZero();
    }
}
