package org.dudao.campaign.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The built-in campaign templates under {@code classpath:campaign/templates/}. */
@Component
public class CampaignTemplates {

    static final List<String> CODES =
            List.of("PDS-2020", "PDS-2022", "LS-2021", "PDS-2019", "PDS-2022-PLAN", "PY-2020");

    private final Map<String, CampaignTemplate> templates = new LinkedHashMap<>();

    public CampaignTemplates() {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (String code : CODES) {
            try (InputStream in = new ClassPathResource("campaign/templates/" + code + ".json").getInputStream()) {
                templates.put(code, json.readValue(in, CampaignTemplate.class));
            } catch (IOException e) {
                throw new UncheckedIOException("campaign template " + code, e);
            }
        }
    }

    public Optional<CampaignTemplate> find(String code) {
        return Optional.ofNullable(code).map(templates::get);
    }

    public List<CampaignTemplate> all() {
        return List.copyOf(templates.values());
    }
}
