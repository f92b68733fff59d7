package dev.jgrad.viz;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A terse front to the JDK's StAX writer, which does the escaping. Attributes are given as
 * name/value pairs; numbers are written with at most two decimals. Characters that XML 1.0 cannot
 * carry (control characters, lone surrogates) become U+FFFD, so any label still yields a
 * well-formed document.
 */
final class XmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final StringWriter sink = new StringWriter();
    private final XMLStreamWriter xml;

    XmlOut() {
        try {
            xml = FACTORY.createXMLStreamWriter(sink);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML writer unavailable", e);
        }
    }

    XmlOut doctype(String declaration) {
        try {
            xml.writeDTD(declaration);
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return this;
    }

    /** Opens an element; close it with {@link #end()}. */
    XmlOut start(String name, Object... attributes) {
        try {
            xml.writeStartElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return this;
    }

    /** An element without content, written as {@code <name .../>} (only for SVG and HTML void elements). */
    XmlOut empty(String name, Object... attributes) {
        try {
            xml.writeEmptyElement(name);
            attributes(attributes);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return this;
    }

    /** {@code <name ...>text</name>}. */
    XmlOut element(String name, String text, Object... attributes) {
        return start(name, attributes).text(text).end();
    }

    XmlOut text(String text) {
        try {
            xml.writeCharacters(clean(text));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return this;
    }

    XmlOut end() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return this;
    }

    /** A line break between elements, so the output can be read and diffed. */
    XmlOut newline() {
        return text("\n");
    }

    String finish() {
        try {
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return sink.toString();
    }

    private void attributes(Object[] attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("XmlOut: attributes must come in name/value pairs");
        }
        for (var i = 0; i < attributes.length; i += 2) {
            var name = (String) attributes[i];
            var value = attributes[i + 1];
            var text = value instanceof Double d ? Fmt.coord(d) : String.valueOf(value);
            if (name.equals("xmlns")) {
                xml.writeDefaultNamespace(text);
            } else if (name.startsWith("xml:")) {
                xml.writeAttribute("xml", XMLConstants.XML_NS_URI, name.substring(4), clean(text));
            } else {
                xml.writeAttribute(name, clean(text));
            }
        }
    }

    /** Replaces what XML 1.0 forbids: C0 controls other than tab/newline/CR, surrogates, U+FFFE/U+FFFF. */
    static String clean(String text) {
        var ok = true;
        for (var i = 0; i < text.length() && ok; i++) {
            ok = allowed(text.charAt(i)) && !Character.isSurrogate(text.charAt(i));
        }
        if (ok) {
            return text;
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(
                cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT || (allowed((char) cp) && !Character.isSurrogate((char) cp))
                        ? cp : 0xFFFD));
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }

    private static IllegalStateException failure(XMLStreamException e) {
        return new IllegalStateException("XML writing failed: " + e.getMessage(), e);
    }
}
