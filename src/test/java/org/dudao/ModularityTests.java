package org.dudao;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: each module reaches others only through their API and allowed dependencies. */
class ModularityTests {

    final ApplicationModules modules = ApplicationModules.of(DudaoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writeModuleDiagrams() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
