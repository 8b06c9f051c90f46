package org.greencredit.models.credit;

/** How a feature is named, whether the applicant can change it, which way is better, and its reason texts. */
public record FeatureInfo(String feature, String nameZh, String nameEn, boolean actionable, boolean higherIsBetter,
                          String reasonCode, String reasonZh, String reasonEn) {
}
