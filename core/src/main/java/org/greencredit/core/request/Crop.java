package org.greencredit.core.request;

/** Crops common in China that the engine knows calendars, yields and prices for. */
public enum Crop {
    RICE, WHEAT, MAIZE, SOYBEAN, RAPESEED, COTTON, PEANUT, POTATO, SUGARCANE, TEA,
    CITRUS, VEGETABLES, TOBACCO, SORGHUM, MILLET
}
