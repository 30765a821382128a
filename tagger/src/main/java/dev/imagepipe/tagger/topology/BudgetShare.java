package dev.imagepipe.tagger.topology;

/**
 * This task's part of the policy's per-minute budget of scheduled imports. Each partition of {@code import.results}
 * schedules its own streams, so the budget is split across partitions, the remainder going to the lowest ones: the
 * tasks together issue at most the budget per minute. Each task gets at least one, so no partition's streams wait
 * forever when the budget is smaller than the partition count (then the total is at most the partition count).
 */
final class BudgetShare {

    private BudgetShare() {}

    /**
     * @param budget the policy's per-minute budget; {@code <= 0} is unlimited and stays so
     * @param partitions partitions of {@code import.results}
     * @param partition this task's partition
     */
    static int of(int budget, int partitions, int partition) {
        if (budget <= 0) {
            return budget;
        }
        int share = budget / partitions + (partition < budget % partitions ? 1 : 0);
        return Math.max(1, share);
    }
}
