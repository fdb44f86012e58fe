package dev.cognitoee.it.demo;

import dev.cognitoee.demo.DemoSecurity;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The demo WAR ({@code src/demo}): its classes and pages, the module jar and the AWS SDK it uses, and no settings
 * of its own: those come from system properties or environment variables, so the same WAR runs anywhere.
 */
public final class DemoWar {

    public static final String NAME = "demo";

    private DemoWar() {
    }

    public static WebArchive build() {
        WebArchive war = TestWars.moduleWar(NAME).addPackage(DemoSecurity.class.getPackage());
        war.merge(ShrinkWrap.create(WebArchive.class).as(ExplodedImporter.class)
                .importDirectory(Path.of(TestSettings.required("cognitoee.demoWebappDir")).toFile())
                .as(WebArchive.class));
        // ZXing draws the QR code of the MFA page; it is the demo's own library, not the module's
        for (String jar : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (jar.contains(File.separator + "zxing" + File.separator)) {
                war.addAsLibrary(new File(jar));
            }
        }
        return TestWars.withApplicationAwsSdk(war);
    }
}
