package dev.selfreg.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A TCP or UDP port option: 0 (pick a free one) to 65535; anything else is a usage error. */
final class PortNumber implements ITypeConverter<Integer> {

    static final int MAX = 65535;

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a port number (0-" + MAX + ")");
        }
        if (port < 0 || port > MAX) {
            throw new TypeConversionException(port + " is not a port number (0-" + MAX + ")");
        }
        return port;
    }
}
