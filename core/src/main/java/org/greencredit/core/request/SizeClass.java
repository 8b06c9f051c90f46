package org.greencredit.core.request;

/** Enterprise size class as in the NBS classification of large, medium, small and micro enterprises (国统字〔2017〕213号). */
public enum SizeClass {
    MICRO, SMALL, MEDIUM, LARGE
}
