package org.greencredit.core.validation;

import java.util.Collection;

/** The code lists a request is checked against; the datasets module provides them from its tables. */
public interface ReferenceCodes {
    boolean isKnownRegion(String gbt2260Code);

    boolean isKnownIndustry(String gbt4754Code);

    boolean isKnownSpendCategory(String category);

    Collection<String> spendCategories();
}
