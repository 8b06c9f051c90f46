package org.greencredit.rules.facts;

import java.util.Set;

/**
 * What the green-evaluation rules see of one SME. A JavaBean (getters) because Drools
 * patterns and property reactivity read bean properties. Null means "not known". Behaviours come
 * in two kinds: evidenced ones (from an e-invoice ledger, receipts or checked certificates: the
 * unprefixed properties) and those the firm only declared ({@code declared...}); the rule tables
 * give declared ones fewer points.
 */
public final class GreenFacts {
    /**
     * One kind of behaviour values. Shares in [0, 1]; null when not known.
     *
     * @param energySavingEquipment null when not stated
     */
    public record Behaviours(Double electronicInvoiceShare, Double paperlessReceiptShare, Double greenProductShare,
                             Double renewableElectricityShare, Boolean energySavingEquipment, Set<String> certifications) {
        public static final Behaviours NONE = new Behaviours(null, null, null, null, null, Set.of());

        public Behaviours {
            certifications = Set.copyOf(certifications);
        }
    }

    private final String industryDivision;
    private final Integer carbonEfficiencyLevel;
    private final Double carbonEfficiencyK;
    private final Double intensityYoyChange;
    private final Integer regionalLevel;
    private final Integer historicalLevel;
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
    private final Behaviours declared;

    public GreenFacts(String industryDivision, Integer carbonEfficiencyLevel, Double carbonEfficiencyK, Double intensityYoyChange,
                      Double physicalDataShare, int anomalyCount, Double electronicInvoiceShare, Double paperlessReceiptShare,
                      Double greenProductShare, Double renewableElectricityShare, boolean energySavingEquipment,
                      Set<String> certifications, boolean carbonAccountPresent, int environmentalPenalties) {
        this(industryDivision, carbonEfficiencyLevel, carbonEfficiencyK, intensityYoyChange, null, null, physicalDataShare, anomalyCount,
                new Behaviours(electronicInvoiceShare, paperlessReceiptShare, greenProductShare, renewableElectricityShare,
                        energySavingEquipment, certifications), Behaviours.NONE, carbonAccountPresent, environmentalPenalties);
    }

    /**
     * @param regionalLevel   the regional-contribution dimension's level, null when not assessed
     * @param historicalLevel the historical-decline dimension's level, null when not assessed
     * @param evidenced       behaviours shown by records (a ledger, receipts, certificates checked by the bank)
     * @param declared        behaviours the firm stated and nothing shows
     */
    public GreenFacts(String industryDivision, Integer carbonEfficiencyLevel, Double carbonEfficiencyK, Double intensityYoyChange,
                      Integer regionalLevel, Integer historicalLevel, Double physicalDataShare, int anomalyCount, Behaviours evidenced,
                      Behaviours declared, boolean carbonAccountPresent, int environmentalPenalties) {
        this.industryDivision = industryDivision;
        this.carbonEfficiencyLevel = carbonEfficiencyLevel;
        this.carbonEfficiencyK = carbonEfficiencyK;
        this.intensityYoyChange = intensityYoyChange;
        this.regionalLevel = regionalLevel;
        this.historicalLevel = historicalLevel;
        this.physicalDataShare = physicalDataShare;
        this.anomalyCount = anomalyCount;
        this.electronicInvoiceShare = evidenced.electronicInvoiceShare();
        this.paperlessReceiptShare = evidenced.paperlessReceiptShare();
        this.greenProductShare = evidenced.greenProductShare();
        this.renewableElectricityShare = evidenced.renewableElectricityShare();
        this.energySavingEquipment = Boolean.TRUE.equals(evidenced.energySavingEquipment());
        this.certifications = evidenced.certifications();
        this.carbonAccountPresent = carbonAccountPresent;
        this.environmentalPenalties = environmentalPenalties;
        this.declared = declared;
    }

    public Double getDeclaredElectronicInvoiceShare() {
        return declared.electronicInvoiceShare();
    }

    public Double getDeclaredPaperlessReceiptShare() {
        return declared.paperlessReceiptShare();
    }

    public Double getDeclaredGreenProductShare() {
        return declared.greenProductShare();
    }

    public Double getDeclaredRenewableElectricityShare() {
        return declared.renewableElectricityShare();
    }

    public boolean isDeclaredEnergySavingEquipment() {
        return Boolean.TRUE.equals(declared.energySavingEquipment());
    }

    /** A certification the firm stated without the bank having checked its certificate. */
    public boolean hasDeclaredCertification(String certification) {
        return declared.certifications().contains(certification);
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

    public Integer getRegionalLevel() {
        return regionalLevel;
    }

    public Integer getHistoricalLevel() {
        return historicalLevel;
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
            case "regionalLevel" -> regionalLevel;
            case "historicalLevel" -> historicalLevel;
            case "physicalDataShare" -> physicalDataShare;
            case "anomalyCount" -> anomalyCount;
            case "electronicInvoiceShare" -> electronicInvoiceShare;
            case "paperlessReceiptShare" -> paperlessReceiptShare;
            case "greenProductShare" -> greenProductShare;
            case "renewableElectricityShare" -> renewableElectricityShare;
            case "energySavingEquipment" -> energySavingEquipment;
            case "certifications" -> certifications.stream().sorted().toList();
            case "environmentalPenalties" -> environmentalPenalties;
            case "declaredElectronicInvoiceShare" -> declared.electronicInvoiceShare();
            case "declaredPaperlessReceiptShare" -> declared.paperlessReceiptShare();
            case "declaredGreenProductShare" -> declared.greenProductShare();
            case "declaredRenewableElectricityShare" -> declared.renewableElectricityShare();
            case "declaredEnergySavingEquipment" -> isDeclaredEnergySavingEquipment();
            case "declaredCertifications" -> declared.certifications().stream().sorted().toList();
            default -> throw new IllegalArgumentException("no green fact named '" + field + "'");
        };
        return field + "=" + value;
    }
}
