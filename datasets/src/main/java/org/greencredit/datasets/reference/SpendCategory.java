package org.greencredit.datasets.reference;

/** A category of purchased goods or services whose emissions are estimated from spend, by its code and names. */
public record SpendCategory(String code, String nameZh, String nameEn) {
}
