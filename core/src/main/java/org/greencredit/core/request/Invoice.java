package org.greencredit.core.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.Plausible;

/**
 * One VAT invoice of a firm's e-invoice ledger, as the tax authority's invoice platform exports it.
 * A red-letter invoice (红字发票), which reverses an earlier sale or purchase, has negative amounts.
 *
 * @param number         invoice number (发票号码)
 * @param counterpartyId the buyer of a sales invoice, the seller of a purchase invoice (购方/销方单位代号); null
 *                       when the buyer is a consumer without one
 * @param amountCny      amount before tax (金额)
 * @param taxCny         VAT (税额)
 * @param totalCny       amount including tax (价税合计)
 * @param itemName       goods or service name (货物或应税劳务、服务名称), when given
 * @param taxCode        the 19-digit tax classification code (商品和服务税收分类编码) or a prefix of it, when given
 * @param electronic     an electronic invoice (电子发票, 数电票) rather than paper, when known
 */
public record Invoice(
        @NotBlank @Size(max = 64) String number,
        @NotNull @PastOrPresent LocalDate issuedOn,
        @Size(max = 64) String counterpartyId,
        @NotNull @Finite @Plausible(Plausible.Kind.SIGNED_MONEY) Double amountCny,
        @NotNull @Finite @Plausible(Plausible.Kind.SIGNED_MONEY) Double taxCny,
        @NotNull @Finite @Plausible(Plausible.Kind.SIGNED_MONEY) Double totalCny,
        @NotNull InvoiceStatus status,
        @Size(max = Limits.MAX_TEXT) String itemName,
        @Pattern(regexp = "\\d{1,19}", message = "must be 1 to 19 digits of the tax classification code") String taxCode,
        Boolean electronic) {

    /**
     * 价税合计 is printed as 金额 + 税额 to the fen (国家税务总局 invoice layout); two fen absorb binary rounding of the three
     * figures, and anything more is a wrong column or a typing error.
     */
    public static final double TOTAL_TOLERANCE_CNY = 0.02;

    /** Whether the total is the amount plus the tax, as on every invoice; true when a figure is missing (another check names it). */
    public boolean totalAddsUp() {
        return amountCny == null || taxCny == null || totalCny == null || Math.abs(amountCny + taxCny - totalCny) <= TOTAL_TOLERANCE_CNY;
    }

    /**
     * A red-letter invoice: it reverses an earlier one, so its amount is negative. Not named as a bean getter, so that it
     * stays out of the request's JSON.
     */
    public boolean countsAsRedLetter() {
        return totalCny < 0 || amountCny < 0;
    }
}
