package org.greencredit.core.request;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.greencredit.core.validation.Finite;

/**
 * Green behaviours in the MYbank style. Shares are fractions in [0, 1].
 *
 * @param environmentalPenalties administrative penalties for environmental violations in the last three years
 * @param basis                  EVIDENCED when the bank derived these values from records (payment or receipt data, checked
 *                               certificates); null or DECLARED when the firm states them. Declared behaviours earn fewer points.
 */
public record GreenBehaviours(
        @Finite @DecimalMin(value = "0", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double eInvoiceShare,
        @Finite @DecimalMin(value = "0", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double paperlessReceiptShare,
        @Finite @DecimalMin(value = "0", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double greenProductShare,
        @Finite @DecimalMin(value = "0", message = "must be at least {value}") @DecimalMax(value = "1", message = "must be at most {value}") Double renewableElectricityShare,
        Boolean energySavingEquipment,
        @Size(max = Limits.MAX_CERTIFICATIONS) List<@NotNull Certification> certifications,
        @PositiveOrZero @Max(1000) Integer environmentalPenalties,
        BehaviourBasis basis) {

    public GreenBehaviours {
        certifications = Lists.copyOrEmpty(certifications);
    }

    /** Declared behaviours with a penalty record. */
    public GreenBehaviours(Double eInvoiceShare, Double paperlessReceiptShare, Double greenProductShare,
                           Double renewableElectricityShare, Boolean energySavingEquipment, List<Certification> certifications,
                           Integer environmentalPenalties) {
        this(eInvoiceShare, paperlessReceiptShare, greenProductShare, renewableElectricityShare, energySavingEquipment, certifications,
                environmentalPenalties, null);
    }

    /** What the shares and certifications rest on: declared by the firm unless a bank's pipeline or officer evidenced them. */
    public BehaviourBasis basisOrDeclared() {
        return basis == null ? BehaviourBasis.DECLARED : basis;
    }

    /** Declared behaviours without a penalty record. */
    public GreenBehaviours(Double eInvoiceShare, Double paperlessReceiptShare, Double greenProductShare,
                           Double renewableElectricityShare, Boolean energySavingEquipment, List<Certification> certifications) {
        this(eInvoiceShare, paperlessReceiptShare, greenProductShare, renewableElectricityShare, energySavingEquipment, certifications, null,
                null);
    }
}
