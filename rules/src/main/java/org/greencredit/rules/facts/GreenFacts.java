package org.greencredit.rules.facts;

import java.util.Set;

/**
 * What the green-evaluation rules see of one SME. A JavaBean (getters) because Drools
 * patterns and property reactivity read bean properties. Null means "not known".
 */
public final class GreenFacts {
    private final String industryDivision;
    private final Integer carbonEfficiencyLevel;
    private final Double carbonEfficiencyK;
    private final Double intensityYoyChange;
    private final Double physicalDataShare;
    private final int anomalyCount;
    private final Double electronicInvoiceShare;
    private final Double paperlessReceiptShare;
    private final Double greenProductShare;
    private final Double renewableElectricityShare;
    private final boolean energySavingEquipment;
    private final Set<String> certifications;
    private final boolean carbonAccountPresent;
    private final int environmentalPenalties;

    public GreenFacts(String industryDivision, Integer carbonEfficiencyLevel, Double carbonEfficiencyK, Double intensityYoyChange,
                      Double physicalDataShare, int anomalyCount, Double electronicInvoiceShare, Double paperlessReceiptShare,
                      Double greenProductShare, Double renewableElectricityShare, boolean energySavingEquipment,
                      Set<String> certifications, boolean carbonAccountPresent, int environmentalPenalties) {
        this.industryDivision = industryDivision;
        this.carbonEfficiencyLevel = carbonEfficiencyLevel;
        this.carbonEfficiencyK = carbonEfficiencyK;
        this.intensityYoyChange = intensityYoyChange;
        this.physicalDataShare = physicalDataShare;
        this.anomalyCount = anomalyCount;
        this.electronicInvoiceShare = electronicInvoiceShare;
        this.paperlessReceiptShare = paperlessReceiptShare;
        this.greenProductShare = greenProductShare;
        this.renewableElectricityShare = renewableElectricityShare;
        this.energySavingEquipment = energySavingEquipment;
        this.certifications = Set.copyOf(certifications);
        this.carbonAccountPresent = carbonAccountPresent;
        this.environmentalPenalties = environmentalPenalties;
    }

    public int getEnvironmentalPenalties() {
        return environmentalPenalties;
    }

    public String getIndustryDivision() {
        return industryDivision;
    }

    public Integer getCarbonEfficiencyLevel() {
        return carbonEfficiencyLevel;
    }

    public Double getCarbonEfficiencyK() {
        return carbonEfficiencyK;
    }

    public Double getIntensityYoyChange() {
        return intensityYoyChange;
    }

    public Double getPhysicalDataShare() {
        return physicalDataShare;
    }

    public int getAnomalyCount() {
        return anomalyCount;
    }

    public Double getElectronicInvoiceShare() {
        return electronicInvoiceShare;
    }

    public Double getPaperlessReceiptShare() {
        return paperlessReceiptShare;
    }

    public Double getGreenProductShare() {
        return greenProductShare;
    }

    public Double getRenewableElectricityShare() {
        return renewableElectricityShare;
    }

    public boolean isEnergySavingEquipment() {
        return energySavingEquipment;
    }

    public Set<String> getCertifications() {
        return certifications;
    }

    public boolean isCarbonAccountPresent() {
        return carbonAccountPresent;
    }

    public boolean hasCertification(String certification) {
        return certifications.contains(certification);
    }

    /** "field=value" of a named fact, as decision-table rules record the evidence they saw. */
    public String describe(String field) {
        Object value = switch (field) {
            case "industryDivision" -> industryDivision;
            case "carbonEfficiencyLevel" -> carbonEfficiencyLevel;
            case "carbonEfficiencyK" -> carbonEfficiencyK;
            case "intensityYoyChange" -> intensityYoyChange;
            case "physicalDataShare" -> physicalDataShare;
            case "anomalyCount" -> anomalyCount;
            case "electronicInvoiceShare" -> electronicInvoiceShare;
            case "paperlessReceiptShare" -> paperlessReceiptShare;
            case "greenProductShare" -> greenProductShare;
            case "renewableElectricityShare" -> renewableElectricityShare;
            case "energySavingEquipment" -> energySavingEquipment;
            case "certifications" -> certifications.stream().sorted().toList();
            case "environmentalPenalties" -> environmentalPenalties;
            default -> throw new IllegalArgumentException("no green fact named '" + field + "'");
        };
        return field + "=" + value;
    }
}
