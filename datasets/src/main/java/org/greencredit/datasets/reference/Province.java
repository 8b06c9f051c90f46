package org.greencredit.datasets.reference;

/** A province-level division of GB/T 2260 and the regional grid it belongs to. */
public record Province(String code, String nameZh, String nameEn, String gridRegion) {
}
