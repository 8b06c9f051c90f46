package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.junit.jupiter.api.Test;

class MonthlySheetTest {
    private static final String HEADER = "企业代码,企业名称,行政区划代码,行业代码,企业规模,成立日期,年营业收入（元）,现有负债（元）,最长逾期天数,"
            + "近一年纳税（元）,近一年开票张数,申请金额（元）,贷款期限（月）,月份,用电量（度）,天然气（立方米）,柴油（升）,汽油（升）,煤炭（吨）,热力（吉焦）,"
            + "用能凭证,经营流入（元）,经营流出（元）";

    private static RatingRequest example() {
        Sme sme = new Sme("91330800MA2B000001", "衢州绿源食品有限公司", "330802", "C1391", SizeClass.SMALL, LocalDate.of(2016, 5, 1));
        CarbonAccount account = new CarbonAccount(3_200_000.0, null, List.of(
                new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 10_625.0, "kWh", null, null, Evidence.METER),
                new ActivityLine(YearMonth.of(2025, 1), Activity.NATURAL_GAS, 120.0, "m3", null, null, Evidence.METER),
                new ActivityLine(YearMonth.of(2025, 2), Activity.ELECTRICITY, 9_800.0, "kWh", null, null, Evidence.METER)));
        CreditFeatures credit = new CreditFeatures(List.of(100_000.0, 120_000.0), List.of(90_000.0, 95_000.0), 40, 3_000.0, 50_000.0, 0, null);
        return new RatingRequest(sme, account, null, credit, null, new LoanRequest(200_000.0, 12, null));
    }

    private static byte[] sheet(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<FieldError> errorsOf(byte[] csv) {
        try {
            MonthlySheet.read(csv, "test");
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("the sheet was read without errors");
    }

    @Test
    void theTemplateIsUtf8WithAByteOrderMarkChineseHeadersAndOneRowPerMonth() {
        byte[] template = MonthlySheet.template(example());
        assertThat(template).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(template, 3, template.length - 3, StandardCharsets.UTF_8).split("\r?\n");
        assertThat(lines[0]).isEqualTo(HEADER);
        assertThat(lines).hasSize(3);
        // The firm's facts once, on the first month's row; the months in order with their own figures.
        assertThat(lines[1]).isEqualTo("91330800MA2B000001,衢州绿源食品有限公司,330802,C1391,小型,2016-05-01,3200000,50000,0,3000,40,200000,12,"
                + "2025-01,10625,120,,,,,电表,100000,90000");
        assertThat(lines[2]).isEqualTo(",,,,,,,,,,,,,2025-02,9800,,,,,,电表,120000,95000");
    }

    @Test
    void theTemplateReadsBackToTheSameFirmInTheSheetsUnits() {
        RatingRequest read = MonthlySheet.read(MonthlySheet.template(example()), "template");
        assertThat(read.sme()).isEqualTo(example().sme());
        assertThat(read.carbonAccount().revenueCny()).isEqualTo(3_200_000.0);
        assertThat(read.carbonAccount().lines()).extracting(ActivityLine::month, ActivityLine::activity, ActivityLine::quantity, ActivityLine::unit,
                ActivityLine::evidence).containsExactlyInAnyOrder(
                tuple(YearMonth.of(2025, 1), Activity.ELECTRICITY, 10_625.0, "度", Evidence.METER),
                tuple(YearMonth.of(2025, 1), Activity.NATURAL_GAS, 120.0, "立方米", Evidence.METER),
                tuple(YearMonth.of(2025, 2), Activity.ELECTRICITY, 9_800.0, "度", Evidence.METER));
        assertThat(read.credit()).isEqualTo(example().credit());
        assertThat(read.loanRequest()).isEqualTo(example().loanRequest());
        assertThat(MonthlySheet.isMonthlySheet(MonthlySheet.template(example()))).isTrue();
    }

    @Test
    void aSheetSavedAsGbkKeepsTheFirmsChineseName() {
        byte[] gbk = (HEADER + "\nS1,衢州绿源食品有限公司,330802,C1391,微型,,,,,,,,,2025-01,800,,,,,,账单,,\n").getBytes(Charset.forName("GBK"));
        RatingRequest read = MonthlySheet.read(gbk, "gbk");
        assertThat(read.sme().name()).isEqualTo("衢州绿源食品有限公司");
        assertThat(read.sme().sizeClass()).isEqualTo(SizeClass.MICRO);
        assertThat(read.carbonAccount().lines()).singleElement().satisfies(l -> assertThat(l.evidence()).isEqualTo(Evidence.BILL));
    }

    @Test
    void monthsAndAmountsAreReadAsExcelWritesThem() {
        RatingRequest read = MonthlySheet.read(sheet(
                "S1,甲,330802,c1391,小型,2016/5/1,\"3,200,000\",,,,,,,2025/1/1,\"1,200\",,,,,,,,",
                ",,,,,,,,,,,,,2025年2月,900 度,,,,,,,,"), "excel");
        assertThat(read.sme().industryCode()).isEqualTo("C1391");
        assertThat(read.sme().foundedOn()).isEqualTo(LocalDate.of(2016, 5, 1));
        assertThat(read.carbonAccount().revenueCny()).isEqualTo(3_200_000.0);
        assertThat(read.carbonAccount().lines()).extracting(ActivityLine::month, ActivityLine::quantity)
                .containsExactly(tuple(YearMonth.of(2025, 1), 1_200.0), tuple(YearMonth.of(2025, 2), 900.0));
        // No evidence column filled: figures from a bill, the sheet's own column says so.
        assertThat(read.carbonAccount().lines()).allSatisfy(l -> assertThat(l.evidence()).isEqualTo(Evidence.BILL));
        assertThat(read.credit()).isNull();
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndColumn() {
        byte[] csv = (HEADER + ",备注\n"
                + "S1,甲,330802,C1391,特大型,2016-13-01,,,,,,,,2025-01,12a,,,,,,电表,100,,x\n"
                + ",乙,,,,,,,,,,,,2025-01,800,,,,,,,,,\n"
                + ",,,,,,,,,,,,,,500,,,,,,,,,\n"
                + ",,,,,,,,,,,,,2025-13,500,,,,,,,,,\n"
                + ",,,,,,,,,,,,,2025-02,500,,,,,,纸条,,,\n"
                + ",,,,,,,,,,,,,2025-03,500,,,,,,,300,,\n").getBytes(StandardCharsets.UTF_8);
        assertThat(errorsOf(csv)).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("csv:1:备注", FieldError.UNKNOWN_FIELD),
                tuple("csv:2:用电量（度）", FieldError.TYPE),
                tuple("csv:3:企业名称", FieldError.INCONSISTENT),
                tuple("csv:3:月份", FieldError.INCONSISTENT),
                tuple("csv:4:月份", FieldError.REQUIRED),
                tuple("csv:5:月份", FieldError.FORMAT),
                tuple("csv:6:用能凭证", FieldError.UNKNOWN_CODE),
                tuple("csv:6:经营流入（元）", FieldError.REQUIRED),
                tuple("csv:2:企业规模", FieldError.UNKNOWN_CODE),
                tuple("csv:2:成立日期", FieldError.FORMAT));
    }

    /** Flows are a list without months: a month left out of the sheet between two flows would shift every later one. */
    @Test
    void aMonthMissingBetweenTwoFlowsIsReportedAtTheNextMonthsRow() {
        byte[] csv = sheet("S1,甲,330802,C1391,微型,,,,,,,,,2025-01,,,,,,,,100,",
                ",,,,,,,,,,,,,2025-03,,,,,,,,300,");
        assertThat(errorsOf(csv)).extracting(FieldError::field, FieldError::code).containsExactly(tuple("csv:3:经营流入（元）", FieldError.REQUIRED));
    }

    @Test
    void anEmptySheetIsRefused() {
        assertThatThrownBy(() -> MonthlySheet.read(new byte[0], "empty")).isInstanceOf(InvalidRequestException.class);
        assertThat(MonthlySheet.isMonthlySheet("sme.id,sme.name\nS1,x\n".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
