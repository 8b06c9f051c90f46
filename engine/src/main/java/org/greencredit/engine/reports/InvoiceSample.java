package org.greencredit.engine.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.datasets.invoices.InvoiceCsvWriter;
import org.greencredit.datasets.invoices.LedgerDirection;
import org.greencredit.datasets.synthetic.SyntheticLedgers;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;

/**
 * A synthetic population's invoice ledgers as the files a bank receives ({@code sales.csv},
 * {@code purchases.csv}, Chinese headers) and a {@code firms.csv} with what the bank knows of each
 * firm otherwise: its segments, the credit features the engine computes from its request, and the
 * drawn outcome. With {@code thinFile}, every request loses its credit section (no flows, debt or
 * repayment history), so that {@code firms.csv} holds what a bank knows of a firm new to credit.
 */
public final class InvoiceSample {
    public static final String SALES = "sales.csv";
    public static final String PURCHASES = "purchases.csv";
    public static final String FIRMS = "firms.csv";

    /** What was written. */
    public record Written(int firms, long salesRows, long purchaseRows) {
    }

    private InvoiceSample() {
    }

    public static Written write(RatingEngine engine, SyntheticPopulation population, SyntheticLedgers ledgers, int count, boolean thinFile,
                                Path dir) throws IOException {
        Files.createDirectories(dir);
        long salesRows = 0;
        long purchaseRows = 0;
        try (Writer s = Files.newBufferedWriter(dir.resolve(SALES), StandardCharsets.UTF_8);
             Writer p = Files.newBufferedWriter(dir.resolve(PURCHASES), StandardCharsets.UTF_8);
             Writer f = Files.newBufferedWriter(dir.resolve(FIRMS), StandardCharsets.UTF_8);
             InvoiceCsvWriter sales = new InvoiceCsvWriter(s, LedgerDirection.SALES);
             InvoiceCsvWriter purchases = new InvoiceCsvWriter(p, LedgerDirection.PURCHASES);
             CsvWriter firms = new CsvWriter(f)) {
            List<String> features = null;
            for (int i = 0; i < count; i++) {
                SyntheticSme sme = population.generate(i);
                RatingRequest r = sme.request();
                RatingRequest known = thinFile ? r.withCredit(null) : r;
                Map<String, Double> values = engine.creditFeatures(known);
                if (features == null) {
                    features = List.copyOf(values.keySet());
                    List<String> header = new ArrayList<>(List.of("企业代号"));
                    header.addAll(FeatureTable.header(features));
                    firms.write(header);
                }
                String id = r.sme().id();
                List<String> row = new ArrayList<>(List.of(id));
                row.addAll(FeatureTable.row(sme, known, features, values));
                firms.write(row);
                InvoiceLedger ledger = ledgers.generate(sme);
                for (Invoice invoice : ledger.sales()) {
                    sales.write(id, invoice);
                    salesRows++;
                }
                for (Invoice invoice : ledger.purchases()) {
                    purchases.write(id, invoice);
                    purchaseRows++;
                }
            }
        }
        return new Written(count, salesRows, purchaseRows);
    }
}
