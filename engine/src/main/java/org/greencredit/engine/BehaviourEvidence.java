package org.greencredit.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.core.rating.BehaviourAssessment;
import org.greencredit.core.request.BehaviourBasis;
import org.greencredit.core.request.Certification;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.rules.facts.GreenFacts;

/**
 * The green behaviours a rating counts, each with its basis. A share the firm's e-invoice ledger
 * measures (its e-invoice share of sales, its green share of sales) is evidenced by the ledger, and its
 * renewable electricity share by the green power certificates in its carbon account; such a figure
 * replaces the firm's own; what the firm states is declared unless a bank's pipeline or
 * officer marked it evidenced. A declaration that exceeds the ledger's figure by more than the
 * tolerance is contradicted: the rating counts the ledger's figure and the policy refers the firm.
 */
final class BehaviourEvidence {
    static final String FROM_LEDGER = "invoices";
    static final String FROM_CERTIFICATES = "carbonAccount.greenPower";
    static final String FROM_REQUEST = "greenBehaviours";

    /** The evidenced and declared behaviours for the green rules, what the rating shows, and how many declarations were contradicted. */
    record Result(GreenFacts.Behaviours evidenced, GreenFacts.Behaviours declared, List<BehaviourAssessment> assessments,
                  int contradicted) {

        /**
         * The firm's behaviours with each share at the figure the rating counted: the records' where they measure it, else the
         * firm's own; null when neither gives any. The credit scorecard reads these, so a declaration the records contradict
         * earns no credit points either.
         */
        GreenBehaviours counted(GreenBehaviours stated) {
            if (stated == null && assessments.isEmpty()) {
                return null;
            }
            GreenBehaviours base = stated == null ? new GreenBehaviours(null, null, null, null, null, List.of()) : stated;
            // Each share is held by exactly one basis, or by neither when nothing gives it.
            return new GreenBehaviours(either(evidenced.electronicInvoiceShare(), declared.electronicInvoiceShare()),
                    either(evidenced.paperlessReceiptShare(), declared.paperlessReceiptShare()),
                    either(evidenced.greenProductShare(), declared.greenProductShare()),
                    either(evidenced.renewableElectricityShare(), declared.renewableElectricityShare()), base.energySavingEquipment(),
                    base.certifications(), base.environmentalPenalties(), base.basis());
        }

        private static Double either(Double evidencedShare, Double declaredShare) {
            return evidencedShare != null ? evidencedShare : declaredShare;
        }
    }

    private final double tolerance;

    /** @param tolerance how far a declared share may exceed the ledger's before it counts as contradicted */
    BehaviourEvidence(double tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * @param ledger            the request's ledger features, or null without a ledger
     * @param certifiedGreenShare certified green electricity over the electricity used, or null without certified purchases
     */
    Result assess(GreenBehaviours stated, Map<String, Double> ledger, Double certifiedGreenShare) {
        BehaviourBasis basis = stated == null ? BehaviourBasis.DECLARED : stated.basisOrDeclared();
        Values evidenced = new Values();
        Values declared = new Values();
        List<BehaviourAssessment> out = new ArrayList<>();
        int contradicted = 0;
        contradicted += share("eInvoiceShare", stated == null ? null : stated.eInvoiceShare(), basis,
                ledger == null ? null : ledger.get(LedgerFeatures.E_INVOICE_SHARE), FROM_LEDGER, evidenced, declared, out);
        contradicted += share("paperlessReceiptShare", stated == null ? null : stated.paperlessReceiptShare(), basis, null, FROM_LEDGER,
                evidenced, declared, out);
        contradicted += share("greenProductShare", stated == null ? null : stated.greenProductShare(), basis,
                ledger == null ? null : ledger.get(LedgerFeatures.GREEN_SALES_SHARE), FROM_LEDGER, evidenced, declared, out);
        contradicted += share("renewableElectricityShare", stated == null ? null : stated.renewableElectricityShare(), basis,
                certifiedGreenShare, FROM_CERTIFICATES, evidenced, declared, out);
        if (stated != null && Boolean.TRUE.equals(stated.energySavingEquipment())) {
            (basis == BehaviourBasis.EVIDENCED ? evidenced : declared).equipment = true;
            out.add(new BehaviourAssessment("energySavingEquipment", 1, basis, FROM_REQUEST, null, false));
        }
        if (stated != null) {
            for (Certification c : stated.certifications()) {
                (basis == BehaviourBasis.EVIDENCED ? evidenced : declared).certifications.add(c.name());
                out.add(new BehaviourAssessment("certifications." + c.name(), 1, basis, FROM_REQUEST, null, false));
            }
        }
        return new Result(evidenced.facts(), declared.facts(), List.copyOf(out), contradicted);
    }

    /** @return 1 when the declaration is contradicted by the ledger, else 0 */
    private int share(String behaviour, Double stated, BehaviourBasis basis, Double fromRecords, String records, Values evidenced,
                      Values declared, List<BehaviourAssessment> out) {
        if (fromRecords != null) {
            evidenced.set(behaviour, fromRecords);
            Double claimed = stated != null && basis == BehaviourBasis.DECLARED ? stated : null;
            boolean contradicted = claimed != null && claimed - fromRecords > tolerance;
            out.add(new BehaviourAssessment(behaviour, fromRecords, BehaviourBasis.EVIDENCED, records, claimed, contradicted));
            return contradicted ? 1 : 0;
        }
        if (stated != null) {
            (basis == BehaviourBasis.EVIDENCED ? evidenced : declared).set(behaviour, stated);
            out.add(new BehaviourAssessment(behaviour, stated, basis, FROM_REQUEST, null, false));
        }
        return 0;
    }

    /** One basis's values, filled behaviour by behaviour. */
    private static final class Values {
        Double eInvoice;
        Double paperless;
        Double greenProducts;
        Double renewable;
        boolean equipment;
        final Set<String> certifications = new LinkedHashSet<>();

        void set(String behaviour, double value) {
            switch (behaviour) {
                case "eInvoiceShare" -> eInvoice = value;
                case "paperlessReceiptShare" -> paperless = value;
                case "greenProductShare" -> greenProducts = value;
                case "renewableElectricityShare" -> renewable = value;
                default -> throw new IllegalArgumentException(behaviour);
            }
        }

        GreenFacts.Behaviours facts() {
            return new GreenFacts.Behaviours(eInvoice, paperless, greenProducts, renewable, equipment, certifications);
        }
    }
}
