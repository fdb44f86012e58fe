package dev.cognitoee.it.quickstart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A Maven dependency as a README snippet prints it.
 *
 * @param scope {@code compile} when the snippet names none
 */
public record Dependency(String groupId, String artifactId, String version, String scope) {

    /** The {@code <dependency>} elements of a pom.xml fragment, in order. */
    public static List<Dependency> parse(Snippet fragment) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // the fragment is a list of elements: give it the root element it has in a pom
            byte[] xml = ("<dependencies>" + fragment.text() + "</dependencies>").getBytes(StandardCharsets.UTF_8);
            NodeList elements = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                    .getDocumentElement().getElementsByTagName("dependency");
            List<Dependency> dependencies = new ArrayList<>();
            for (int i = 0; i < elements.getLength(); i++) {
                Element dependency = (Element) elements.item(i);
                String scope = child(dependency, "scope");
                dependencies.add(new Dependency(required(dependency, "groupId", fragment),
                        required(dependency, "artifactId", fragment), required(dependency, "version", fragment),
                        scope == null ? "compile" : scope));
            }
            return dependencies;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("README.md:" + fragment.firstLine() + ": " + fragment.path()
                    + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Where Maven keeps this artifact's jar, relative to a local repository. */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
    }

    private static String required(Element dependency, String name, Snippet fragment) {
        String value = child(dependency, name);
        if (value == null) {
            throw new IllegalStateException("README.md:" + fragment.firstLine() + ": a dependency of "
                    + fragment.path() + " has no " + name);
        }
        return value;
    }

    private static String child(Element dependency, String name) {
        NodeList children = dependency.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().strip();
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + ":" + scope;
    }
}
