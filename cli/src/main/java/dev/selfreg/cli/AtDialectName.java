package dev.selfreg.cli;

import dev.selfreg.module.AtDialect;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An {@code --at-dialect} option: {@code bc260y-cn} or {@code bc26-compat}; anything else is a usage error. */
final class AtDialectName implements ITypeConverter<AtDialect> {

    @Override
    public AtDialect convert(String value) {
        try {
            return AtDialect.ofLabel(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
