package dev.jgrad.viz;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Test helpers: strict XML parsing of writer output and element lookups. */
final class Xml {

    private Xml() {
    }

    /** Parses with the JDK's non-validating parser; throws on any well-formedness error. */
    static Document parse(String text) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // Graphviz output names the SVG 1.1 DTD; a well-formedness check must not fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document doc, String localName) {
        var nodes = doc.getElementsByTagNameNS("*", localName);
        var result = new ArrayList<Element>();
        for (var i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    static List<String> texts(Document doc, String localName) {
        return elements(doc, localName).stream().map(Element::getTextContent).toList();
    }
}
