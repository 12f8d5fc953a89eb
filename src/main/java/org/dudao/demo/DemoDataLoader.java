package org.dudao.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dudao.campaign.CampaignApi;
import org.dudao.campaign.CampaignView;
import org.dudao.identity.IdentityApi;
import org.dudao.identity.NewAccount;
import org.dudao.identity.PasswordGenerator;
import org.dudao.identity.Role;
import org.dudao.organization.OrganizationApi;
import org.dudao.organization.UnitCommand;
import org.dudao.organization.UnitKind;
import org.dudao.organization.UnitView;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.security.CurrentUser;
import org.dudao.shared.text.CsvReader;
import org.dudao.shared.time.ClockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo set-up once (when the database has no unit yet) and writes the generated passwords
 * to {@code <data-dir>/demo-accounts.csv} (columns username,password,role,unit).
 *
 * <p>Runs first ({@link #ORDER}); the demo campaigns of the other kinds run after it and find its units
 * and accounts.
 */
@Component
@Order(DemoDataLoader.ORDER)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** Runner order: the base set-up; other demo runners use a higher number. */
    static final int ORDER = 100;

    static final String UNITS = "demo/pds-2020/units.csv";
    static final String ACCOUNTS = "demo/pds-2020/accounts.csv";
    static final String OFFICE_UNIT = "市法治政府建设领导小组办公室";

    private final DudaoProperties properties;
    private final OrganizationApi organization;
    private final IdentityApi identity;
    private final TransactionTemplate tx;
    private final CampaignApi campaigns;
    private final Clock clock;

    DemoDataLoader(
            DudaoProperties properties,
            OrganizationApi organization,
            IdentityApi identity,
            TransactionTemplate tx,
            CampaignApi campaigns,
            Clock clock) {
        this.properties = properties;
        this.organization = organization;
        this.identity = identity;
        this.tx = tx;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoEnabled()) {
            return;
        }
        Path file = properties
                .dataDir()
                .resolve("demo-accounts.csv")
                .toAbsolutePath()
                .normalize();
        if (organization.count() > 0) {
            log.info("演示数据已存在 / demo data present; demo accounts: {}", file);
            return;
        }
        long started = System.nanoTime();
        List<String[]> credentials = tx.execute(status -> load());
        int year = LocalDate.now(clock.withZone(ClockConfiguration.ZONE)).getYear();
        CampaignView campaign = tx.execute(status -> loadCampaign(year));
        log.info("演示考核活动 / demo campaign: {} (id {})", campaign.name(), campaign.id());
        write(file, credentials);
        log.warn(
                "\n==================================================================\n"
                        + " 演示数据已加载（{} 个账户，用时 {} ms）。演示账户和密码见 / demo accounts and passwords:\n   {}\n"
                        + " 例如 / e.g. 考核办 pds-office，县区 pds-xq-04（鲁山县人民政府），考核主体 pdssssfjyfxzzdk\n"
                        + "==================================================================",
                credentials.size(),
                (System.nanoTime() - started) / 1_000_000,
                file);
    }

    private List<String[]> load() {
        Map<String, UnitView> byKey = new HashMap<>();
        for (Map<String, String> row : rows(UNITS)) {
            String parentKey = row.get("parent_key");
            Long parentId = parentKey.isEmpty() ? null : byKey.get(parentKey).id();
            UnitView unit = organization.createSystemUnit(
                    parentId,
                    new UnitCommand(
                            row.get("name"),
                            row.get("short_name"),
                            UnitKind.valueOf(row.get("kind")),
                            Integer.valueOf(row.get("sort_order")),
                            row.get("contact_person"),
                            row.get("contact_phone"),
                            row.get("contact_address"),
                            row.get("note"),
                            row.get("source_ref")));
            byKey.put(row.get("key"), unit);
        }
        List<Map<String, String>> accounts = rows(ACCOUNTS);
        // one random password per account, handed over once through the csv file
        List<String> passwords =
                accounts.stream().map(a -> PasswordGenerator.generate(14)).toList();
        List<String[]> credentials = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Map<String, String> a = accounts.get(i);
            UnitView unit = byKey.get(a.get("unit_key"));
            Role role = Role.valueOf(a.get("role"));
            identity.create(new NewAccount(
                    a.get("username"),
                    a.get("display_name"),
                    unit.id(),
                    EnumSet.of(role),
                    passwords.get(i),
                    false,
                    a.get("note").isEmpty() ? null : a.get("note")));
            credentials.add(new String[] {a.get("username"), passwords.get(i), role.name(), unit.name()});
        }
        return credentials;
    }

    /**
     * The 2020 Pingdingshan assessment (template PDS-2020) moved to the current year, so that a new user
     * finds submissions open. It is created as the city office would create it.
     */
    private CampaignView loadCampaign(int year) {
        UnitView office = DemoUsers.cityOffice(organization).orElseThrow();
        CurrentUser asOffice = DemoUsers.office(office, organization.jurisdictionOf(office.id()));
        return campaigns.createFromTemplate("PDS-2020", null, year, asOffice);
    }

    static List<Map<String, String>> rows(String resource) {
        try {
            return CsvReader.read(new String(
                    new ClassPathResource(resource).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String[]> credentials) {
        StringBuilder sb = new StringBuilder("username,password,role,unit\n");
        for (String[] c : credentials) {
            sb.append(String.join(",", c)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
