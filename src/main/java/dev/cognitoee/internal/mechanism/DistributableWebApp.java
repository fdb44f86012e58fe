package dev.cognitoee.internal.mechanism;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Whether an application is {@code <distributable/>}, so that Payara replicates its HTTP sessions through the data
 * grid. The Servlet API does not say (Payara's own answer sits on its internal {@code StandardContext}, out of an
 * application's reach), and only {@code WEB-INF/web.xml} can make an application distributable: the Servlet
 * specification counts a web fragment's {@code <distributable/>} only when web.xml has one too, and annotations
 * cannot set it. So web.xml is read for it.
 */
final class DistributableWebApp {

    private DistributableWebApp() {
    }

    /** Whether the application's web.xml declares {@code <distributable/>}; false without a web.xml. */
    static boolean of(ServletContext context) {
        try (InputStream webXml = context.getResourceAsStream("/WEB-INF/web.xml")) {
            return webXml != null && declares(webXml);
        } catch (IOException e) {
            return false; // an unreadable web.xml fails the deployment in the container anyway
        }
    }

    /** Whether {@code webXml} has a {@code <distributable/>} element right under its root, in any namespace. */
    static boolean declares(InputStream webXml) throws IOException {
        try {
            // The JDK's own parser, whatever the server puts on the class path: it knows the attributes below.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            // The application's own file, but nothing in it has any business reaching out of it: no external DTD
            // or entity is read (an old web.xml with a DOCTYPE still parses).
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(webXml).getDocumentElement();
            for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE && "distributable".equals(child.getLocalName())) {
                    return true;
                }
            }
            return false;
        } catch (ParserConfigurationException | SAXException e) {
            return false; // a malformed web.xml fails the deployment in the container anyway
        }
    }
}
