package org.dudao.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.dudao.shared.DudaoProperties;
import org.springframework.stereotype.Component;

/** The generated demo passwords, read from {@code <data-dir>/demo-accounts.csv} as a user would. */
@Component
public class DemoAccounts {

    private final DudaoProperties properties;

    public DemoAccounts(DudaoProperties properties) {
        this.properties = properties;
    }

    public String password(String username) {
        String p = all().get(username);
        if (p == null) {
            throw new IllegalArgumentException("no demo account " + username);
        }
        return p;
    }

    public Map<String, String> all() {
        try {
            Map<String, String> m = new HashMap<>();
            for (String line :
                    Files.readAllLines(properties.dataDir().resolve("demo-accounts.csv"), StandardCharsets.UTF_8)) {
                String[] f = line.split(",", -1);
                if (!f[0].equals("username")) {
                    m.put(f[0], f[1]);
                }
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
