package org.greencredit.datasets.synthetic;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.InvoiceLedger;
import org.greencredit.core.request.InvoiceStatus;
import org.greencredit.core.request.SizeClass;

/**
 * E-invoice ledgers of the synthetic population's SMEs, consistent with what the population
 * generator drew for each of them (see datasets/README.md, "Invoice ledgers"):
 * <ul>
 * <li>monthly sales follow the firm's revenue, inflow volatility and growth (the same drivers as its
 *     bank flows, drawn afresh), with the season of its industry;</li>
 * <li>distress shows in the ledger: with {@code d} the firm's longest days past due, distress
 *     {@code s = ln(1 + d/10) / ln(1 + 365/10)} (the default process's delinquency term, scaled to
 *     [0, 1]) raises the chance of a month without sales ({@code 3% + 35% s}), of voiding an
 *     invoice and issuing it again ({@code 2% + 15% s}) and of reversing a sale with a red-letter
 *     invoice ({@code 1% + 10% s}), as returns, disputes and stalled trade do;</li>
 * <li>green propensity sets the e-invoice share and the share of items in the green catalogue
 *     (the firm's declared shares when it has them);</li>
 * <li>customers and suppliers come from pools whose size follows the firm's size class, with
 *     Zipf-like weights (concentration) and monthly churn; purchases are sales less a margin.</li>
 * </ul>
 * The default process ({@link DefaultProcess}) is not changed: the ledger only reveals drivers it
 * already has (flows, delinquency, green propensity), so models learn what a real ledger could
 * show and nothing the generator hid. VAT: 13% goods, 9% construction, transport and farm produce,
 * 6% services (财政部 税务总局 海关总署公告2019年第39号); 1% for micro firms as small-scale
 * taxpayers (财政部 税务总局公告2023年第19号).
 */
public final class SyntheticLedgers {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double MAX_PAST_DUE_DAYS = 365.0;
    private static final double DORMANT_BASE = 0.03;
    private static final double DORMANT_DISTRESS = 0.35;
    private static final double VOID_BASE = 0.02;
    private static final double VOID_DISTRESS = 0.15;
    private static final double RED_BASE = 0.01;
    private static final double RED_DISTRESS = 0.10;
    private static final double CHURN_PER_MONTH = 0.05;

    private static final Map<Character, String[]> SALES_ITEMS = Map.of(
            'C', new String[] {"纸箱包装", "塑料制品", "钢材加工件", "纺织面料", "机械配件"},
            'E', new String[] {"工程施工服务", "建筑装饰服务", "水泥", "钢筋"},
            'F', new String[] {"日用百货", "食品饮料", "五金配件", "服装"},
            'G', new String[] {"货物运输服务", "道路运输服务"},
            'H', new String[] {"餐饮服务", "住宿服务"},
            'I', new String[] {"软件开发服务", "信息技术服务"},
            'L', new String[] {"商务咨询服务", "租赁服务"},
            'O', new String[] {"家政服务", "维修服务"},
            'A', new String[] {"稻谷", "蔬菜", "水果"});
    private static final Map<Character, String[]> GREEN_SALES_ITEMS = Map.of(
            'C', new String[] {"LED灯具", "节能电机", "再生塑料颗粒", "光伏支架"},
            'E', new String[] {"节能门窗", "光伏屋顶安装"},
            'F', new String[] {"节能空调", "LED灯泡", "新能源汽车配件", "有机食品"},
            'G', new String[] {"新能源汽车运输服务"},
            'H', new String[] {"有机食品餐饮"},
            'I', new String[] {"合同能源管理服务", "碳排放核查服务"},
            'L', new String[] {"合同能源管理服务"},
            'O', new String[] {"废旧家电回收服务"},
            'A', new String[] {"绿色食品大米", "有机农产品"});
    private static final String[] PURCHASE_ITEMS = {"电费", "包装材料", "原材料", "办公用品", "运输服务"};
    private static final String[] GREEN_PURCHASE_ITEMS = {"再生纸", "LED照明", "光伏发电", "节能设备"};

    private final long seed;
    private final YearMonth lastMonth;
    private final int months;

    /** @param months how many months of invoices each firm has at most (fewer when it was founded later) */
    public SyntheticLedgers(long seed, YearMonth lastMonth, int months) {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be in 1..120, got " + months);
        }
        this.seed = seed;
        this.lastMonth = lastMonth;
        this.months = months;
    }

    public InvoiceLedger generate(SyntheticSme sme) {
        GroundTruth truth = sme.truth();
        GroundTruth.CreditDrivers drivers = truth.drivers();
        SplittableRandom random = new SplittableRandom(seed * GOLDEN + truth.smeId().hashCode() * 0xBF58476D1CE4E5B9L + 3);
        char section = sme.request().sme().industryCode().charAt(0);
        SizeClass size = sme.request().sme().sizeClass();
        LocalDate founded = sme.request().sme().foundedOn();
        int span = founded == null ? months
                : (int) Math.max(1, Math.min(months, ChronoUnit.MONTHS.between(YearMonth.from(founded), lastMonth) + 1));
        double distress = Math.log1p(drivers.maxPastDueDays() / 10.0) / Math.log1p(MAX_PAST_DUE_DAYS / 10.0);
        double green = truth.greenPropensity();
        GreenBehaviours declared = sme.request().greenBehaviours();
        double eShare = declared != null && declared.eInvoiceShare() != null ? declared.eInvoiceShare() : clamp(0.3 + 0.6 * green);
        double greenShare = declared != null && declared.greenProductShare() != null ? declared.greenProductShare()
                : 0.5 * green * random.nextDouble();
        double margin = 0.10 + 0.25 * random.nextDouble();
        double salesRate = vatRate(section, size);
        double purchaseRate = size == SizeClass.MICRO ? 0.01 : 0.13;
        Party customers = new Party(random, "K", size == SizeClass.MICRO ? 4 : size == SizeClass.SMALL ? 10 : 25);
        Party suppliers = new Party(random, "V", size == SizeClass.MICRO ? 3 : size == SizeClass.SMALL ? 6 : 12);
        int perMonth = size == SizeClass.MICRO ? 4 : size == SizeClass.SMALL ? 10 : 25;
        Numbers numbers = new Numbers(10_000_000 + random.nextInt(80_000_000));
        List<Invoice> sales = new ArrayList<>();
        List<Invoice> purchases = new ArrayList<>();
        for (int m = 0; m < span; m++) {
            YearMonth month = lastMonth.minusMonths(span - 1 - m);
            customers.churn(random);
            suppliers.churn(random);
            boolean dormant = random.nextDouble() < DORMANT_BASE + DORMANT_DISTRESS * distress;
            double seasonal = 1 + 0.15 * Math.cos(2 * Math.PI * (month.getMonthValue() - (section == 'H' || section == 'F' ? 1 : 7)) / 12.0);
            double level = drivers.revenueCny() / 12.0 * Math.pow(1 + drivers.growth(), -(span - 1 - m) / 12.0) * seasonal
                    * Math.max(0, 1 + drivers.inflowCv() * Gaussian.next(random));
            if (!dormant && level > 0) {
                issue(random, sales, numbers, customers, month, level, 1 + random.nextInt(2 * perMonth), salesRate, distress,
                        VOID_BASE, eShare, greenShare, SALES_ITEMS.getOrDefault(section, SALES_ITEMS.get('L')),
                        GREEN_SALES_ITEMS.getOrDefault(section, GREEN_SALES_ITEMS.get('L')), true);
            }
            double bought = level * (1 - margin) * (dormant ? 0.3 : 1.0);
            if (bought > 0) {
                issue(random, purchases, numbers, suppliers, month, bought, 1 + random.nextInt(perMonth), purchaseRate, distress,
                        VOID_BASE / 2, eShare, 0.4 * green * random.nextDouble(), PURCHASE_ITEMS, GREEN_PURCHASE_ITEMS, false);
            }
        }
        return new InvoiceLedger(sales, purchases);
    }

    private void issue(SplittableRandom random, List<Invoice> out, Numbers numbers, Party parties, YearMonth month, double amount,
                       int count, double rate, double distress, double voidBase, double eShare, double greenShare, String[] items,
                       String[] greenItems, boolean sales) {
        double[] weights = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            weights[k] = -Math.log(1 - random.nextDouble());
            sum += weights[k];
        }
        for (int k = 0; k < count; k++) {
            double net = Rounding.cny(amount * weights[k] / sum);
            if (net < 1) {
                continue;
            }
            LocalDate date = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            String party = parties.pick(random);
            boolean green = random.nextDouble() < greenShare;
            String item = green ? greenItems[random.nextInt(greenItems.length)] : items[random.nextInt(items.length)];
            Boolean electronic = random.nextDouble() < eShare;
            double tax = Rounding.cny(net * rate);
            if (random.nextDouble() < voidBase + VOID_DISTRESS * distress) {
                out.add(new Invoice(numbers.next(), date, party, net, tax, Rounding.cny(net + tax), InvoiceStatus.VOID, item, null, electronic));
            }
            out.add(new Invoice(numbers.next(), date, party, net, tax, Rounding.cny(net + tax), InvoiceStatus.VALID, item, null, electronic));
            if (sales && random.nextDouble() < RED_BASE + RED_DISTRESS * distress) {
                LocalDate later = date.plusDays(5 + random.nextInt(36));
                if (!YearMonth.from(later).isAfter(lastMonth)) {
                    double back = -Rounding.cny(net * (0.3 + 0.7 * random.nextDouble()));
                    double backTax = Rounding.cny(back * rate);
                    out.add(new Invoice(numbers.next(), later, party, back, backTax, Rounding.cny(back + backTax), InvoiceStatus.VALID,
                            item, null, electronic));
                }
            }
        }
    }

    private static double vatRate(char section, SizeClass size) {
        if (size == SizeClass.MICRO) {
            return 0.01;
        }
        return switch (section) {
            case 'C', 'F' -> 0.13;
            case 'E', 'G', 'A' -> 0.09;
            default -> 0.06;
        };
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    /** Invoice numbers of one firm, in issue order. */
    private static final class Numbers {
        private long next;

        Numbers(long first) {
            next = first;
        }

        String next() {
            return String.format(Locale.ROOT, "%08d", next++);
        }
    }

    /** A firm's customers or suppliers: Zipf-like weights, one replaced by a newcomer now and then. */
    private static final class Party {
        private final String prefix;
        private final String[] ids;
        private final double[] cumulative;
        private int newcomers;

        Party(SplittableRandom random, String prefix, int typical) {
            this.prefix = prefix + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            int n = Math.max(1, (int) Math.round(typical * (0.3 + 1.4 * random.nextDouble())));
            double exponent = 0.5 + 1.5 * random.nextDouble();
            ids = new String[n];
            cumulative = new double[n];
            double total = 0;
            for (int k = 0; k < n; k++) {
                ids[k] = this.prefix + "-" + k;
                total += 1.0 / Math.pow(k + 1, exponent);
                cumulative[k] = total;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= total;
            }
        }

        void churn(SplittableRandom random) {
            if (random.nextDouble() < CHURN_PER_MONTH) {
                ids[random.nextInt(ids.length)] = prefix + "-n" + newcomers++;
            }
        }

        String pick(SplittableRandom random) {
            double u = random.nextDouble();
            for (int k = 0; k < ids.length; k++) {
                if (u <= cumulative[k]) {
                    return ids[k];
                }
            }
            return ids[ids.length - 1];
        }
    }
}
