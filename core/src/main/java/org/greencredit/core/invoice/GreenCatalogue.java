package org.greencredit.core.invoice;

/**
 * Which category of the Green and Low-Carbon Transition Industry Guidance Catalogue an invoice line
 * belongs to, from its item name or tax classification code.
 */
@FunctionalInterface
public interface GreenCatalogue {
    /** A catalogue that knows no green item: every line is "not green". */
    GreenCatalogue NONE = (itemName, taxCode) -> null;

    /** @return the catalogue category code, or null when the line is not in the catalogue */
    String categoryOf(String itemName, String taxCode);
}
