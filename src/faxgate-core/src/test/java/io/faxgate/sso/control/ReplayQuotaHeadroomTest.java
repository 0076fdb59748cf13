package io.faxgate.sso.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skipping the replay quota's count never lets the tenants' marks pass the quota. */
class ReplayQuotaHeadroomTest {

    @Test
    void aTenantNeverCountedIsCounted() {
        assertThat(new ReplayQuotaHeadroom().take(7)).isFalse();
    }

    @Test
    void farFromTheQuotaATenthOfTheHeadroomIsWrittenWithoutCounting() {
        ReplayQuotaHeadroom headroom = new ReplayQuotaHeadroom();
        headroom.counted(7, 0, 10_000);
        int skipped = 0;
        while (headroom.take(7)) {
            skipped++;
        }
        assertThat(skipped).isEqualTo(999);
        assertThat(headroom.take(8)).as("another tenant has its own allowance").isFalse();
    }

    @Test
    void nearTheQuotaEveryMarkIsCounted() {
        ReplayQuotaHeadroom headroom = new ReplayQuotaHeadroom();
        headroom.counted(7, 9_990, 10_000);
        assertThat(headroom.take(7)).isFalse();
        headroom.counted(7, 10_000, 10_000);
        assertThat(headroom.take(7)).isFalse();
        headroom.counted(7, 25_000, 10_000);
        assertThat(headroom.take(7)).as("over the quota (a lowered setting)").isFalse();
    }

    /**
     * Ten nodes flooding one tenant in turn, each counting only when its allowance is used up: the marks they write
     * (counted or not) stop exactly at the quota. A count sees every mark written so far (the shared table).
     */
    @Test
    void tenNodesInTurnStopExactlyAtTheQuota() {
        int quota = 10_000;
        List<ReplayQuotaHeadroom> nodes = new ArrayList<>();
        for (int n = 0; n < ReplayQuotaHeadroom.SHARE; n++) {
            nodes.add(new ReplayQuotaHeadroom());
        }
        long table = 0;
        boolean refusedEverywhere = false;
        for (int round = 0; round < 100_000 && !refusedEverywhere; round++) {
            refusedEverywhere = true;
            for (ReplayQuotaHeadroom node : nodes) {
                if (node.take(1)) {
                    table++;
                    refusedEverywhere = false;
                } else {
                    long counted = table;
                    node.counted(1, counted, quota);
                    if (counted < quota) {
                        table++;
                        refusedEverywhere = false;
                    }
                }
            }
        }
        assertThat(table).isEqualTo(quota);
    }

    /**
     * The worst case: nine nodes counted once at an empty table and then went quiet, holding their allowances, while
     * the tenth filled the table to the quota; then the nine write theirs. Storage stays below twice the quota —
     * the bound decision 0014 relies on (it bounds storage; it is not a security boundary).
     */
    @Test
    void staleAllowancesOfTenNodesNeverDoubleTheQuota() {
        int quota = 10_000;
        List<ReplayQuotaHeadroom> nodes = new ArrayList<>();
        for (int n = 0; n < ReplayQuotaHeadroom.SHARE; n++) {
            ReplayQuotaHeadroom node = new ReplayQuotaHeadroom();
            node.counted(1, 0, quota);
            nodes.add(node);
        }
        long table = 0;
        ReplayQuotaHeadroom busy = nodes.get(0);
        while (true) {
            if (busy.take(1)) {
                table++;
            } else {
                busy.counted(1, table, quota);
                if (table >= quota) {
                    break;
                }
                table++;
            }
        }
        for (ReplayQuotaHeadroom quiet : nodes.subList(1, nodes.size())) {
            while (quiet.take(1)) {
                table++;
            }
        }
        assertThat(table).isLessThan(2L * quota);
    }
}
