package org.greencredit.core.request;

/** Environmental certifications the green rules recognise. */
public enum Certification {
    /** ISO 14001 environmental management system. */
    ISO14001,
    /** ISO 50001 energy management system. */
    ISO50001,
    /** China Environmental Labelling (中国环境标志, 十环). */
    CHINA_ENVIRONMENTAL_LABEL,
    /** MIIT green factory (绿色工厂). */
    GREEN_FACTORY,
    /** China green food label (绿色食品). */
    GREEN_FOOD,
    /** China organic product certification (有机产品). */
    ORGANIC
}
