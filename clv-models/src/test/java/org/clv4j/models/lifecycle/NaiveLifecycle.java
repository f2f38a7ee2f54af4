package org.clv4j.models.lifecycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clv4j.core.Transaction;
import org.clv4j.models.TransactionModel;

/**
 * The lifecycle rules of docs/lifecycle.md written the plain way (sets of dates, a sorted list for the median, a
 * count for the quantile), for comparison with {@link LifecycleAnalysis}. Orders only (no refunds).
 */
final class NaiveLifecycle {

    private NaiveLifecycle() {
    }

    static Map<String, LifecycleStage> stages(List<Transaction> log, LocalDate end, LifecycleRules rules,
                                              TransactionModel model) {
        Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
        Map<String, Double> revenue = new HashMap<>();
        for (Transaction t : log) {
            days.computeIfAbsent(t.customerId(), c -> new TreeSet<>()).add(t.date());
            revenue.merge(t.customerId(), t.amount(), Double::sum);
        }
        List<Double> rhythms = new ArrayList<>();
        for (TreeSet<LocalDate> d : days.values()) {
            if (d.size() > 1) {
                rhythms.add((double) ChronoUnit.DAYS.between(d.first(), d.last()) / (d.size() - 1));
            }
        }
        Collections.sort(rhythms);
        int m = rhythms.size();
        double median = m % 2 == 1 ? rhythms.get(m / 2) : (rhythms.get(m / 2 - 1) + rhythms.get(m / 2)) / 2.0;
        double population = rules.populationRhythm().orElse(median);
        int n = days.size();
        Map<String, LifecycleStage> stages = new HashMap<>();
        for (Map.Entry<String, TreeSet<LocalDate>> e : days.entrySet()) {
            TreeSet<LocalDate> d = e.getValue();
            int x = d.size() - 1;
            double age = ChronoUnit.DAYS.between(d.first(), end);
            double since = ChronoUnit.DAYS.between(d.last(), end);
            double span = ChronoUnit.DAYS.between(d.first(), d.last());
            double rhythm = x > 0 ? span / x : population;
            double overdue = since / rhythm;
            int earlier = 0;
            int recent = 0;
            for (LocalDate day : d.tailSet(d.first(), false)) {
                if (ChronoUnit.DAYS.between(d.first(), day) < age / 2.0) {
                    earlier++;
                } else {
                    recent++;
                }
            }
            double own = revenue.get(e.getKey());
            long atMost = revenue.values().stream().filter(v -> v <= own).count();
            boolean high = (double) atMost / n > rules.highValueQuantile();
            boolean useModel = false;
            double alive = Double.NaN;
            if (model != null) {
                alive = model.probabilityAlive(x, span / 7.0, age / 7.0);
                useModel = !(x == 0 && age > 0 && alive == 1.0);
            }
            LifecycleStage stage;
            if (useModel ? alive < rules.lostBelow() : overdue > rules.lostAfter()) {
                stage = LifecycleStage.LOST;
            } else if (useModel ? alive < rules.dormantBelow() : overdue > rules.dormantAfter()) {
                stage = LifecycleStage.DORMANT;
            } else if (age < rules.newCustomerDays()) {
                stage = LifecycleStage.NEW;
            } else if (recent >= rules.minimumRecentPurchases() && recent >= rules.growthFactor() * earlier) {
                stage = LifecycleStage.GROWING;
            } else if (high) {
                stage = LifecycleStage.MATURE;
            } else {
                stage = LifecycleStage.GROWING;
            }
            stages.put(e.getKey(), stage);
        }
        return stages;
    }
}
