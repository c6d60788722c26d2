package dev.messaging.memory;

import dev.messaging.spi.EarlyReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The in-memory store's early provider reports, across tenants, by provider id (see {@link EarlyReport}). */
final class EarlyReports {
    private final Map<String, List<EarlyReport>> byProviderId = new LinkedHashMap<>();
    private int size;

    /** Keeps {@code report} unless {@code max} are kept already (after dropping those received before {@code expiredBefore}). */
    synchronized boolean keep(EarlyReport report, int max, Instant expiredBefore) {
        byProviderId.values().forEach(reports -> {
            int before = reports.size();
            reports.removeIf(r -> r.receivedAt().isBefore(expiredBefore));
            size -= before - reports.size();
        });
        byProviderId.values().removeIf(List::isEmpty);
        if (size >= max) {
            return false;
        }
        byProviderId.computeIfAbsent(report.providerMessageId(), id -> new ArrayList<>()).add(report);
        size++;
        return true;
    }

    /** Takes (removes) the reports of {@code providerMessageId}, oldest first. */
    synchronized List<EarlyReport> take(String providerMessageId) {
        List<EarlyReport> taken = byProviderId.remove(providerMessageId);
        if (taken == null) {
            return List.of();
        }
        size -= taken.size();
        return taken;
    }

    /** Puts back what a rolled-back transaction took. */
    synchronized void putBack(List<EarlyReport> reports) {
        for (EarlyReport report : reports) {
            byProviderId.computeIfAbsent(report.providerMessageId(), id -> new ArrayList<>()).add(report);
            size++;
        }
    }
}
