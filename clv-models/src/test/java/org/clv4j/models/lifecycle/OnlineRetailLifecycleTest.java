package org.clv4j.models.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clv4j.core.Transaction;
import org.clv4j.models.OnlineRetail;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle stages of the cleaned Online Retail invoices (see {@link OnlineRetail}) with the default rules, each
 * customer checked against the naive implementation of the documented rules; the stage counts are the figures of
 * docs/lifecycle.md.
 */
class OnlineRetailLifecycleTest {

    @Test
    void stagesOfTheDocsAndAgreementWithTheNaiveRules() {
        List<Transaction> log = OnlineRetail.invoices();
        LifecycleTable table = LifecycleAnalysis.withDefaults().compute(log);
        LocalDate end = table.observationEnd().orElseThrow();
        assertEquals(LocalDate.of(2011, 12, 9), end);
        Map<String, LifecycleStage> naive = NaiveLifecycle.stages(log, end, LifecycleRules.defaults(), null);
        for (CustomerLifecycle c : table.customers()) {
            assertEquals(naive.get(c.customerId()), c.stage(), c::toString);
        }
        assertEquals(Map.of(LifecycleStage.NEW, 916, LifecycleStage.GROWING, 1228, LifecycleStage.MATURE, 955,
                LifecycleStage.DORMANT, 557, LifecycleStage.LOST, 683), table.stageCounts());
        assertEquals(58.8, table.populationRhythm().getAsDouble(), 1e-12);
        assertEquals(1075.602, table.highValueThreshold().getAsDouble(), 1e-9);
        // docs/lifecycle.md: two customers
        CustomerLifecycle c12347 = table.customer("12347").orElseThrow();
        assertEquals("growing: 4 repeat purchase days in the recent half of its age against 2 in the earlier half",
                c12347.reason(table.rules()));
        assertEquals(365.0 / 6.0, c12347.rhythmDays(), 1e-12);
        CustomerLifecycle c12346 = table.customer("12346").orElseThrow();
        assertEquals("lost: 325 days since the last purchase, 5.53 times the population's rhythm of 58.8 days "
                + "(lost beyond 4.0)", c12346.reason(table.rules()));
    }
}
