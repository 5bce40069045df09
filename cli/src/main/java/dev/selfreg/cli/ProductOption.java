package dev.selfreg.cli;

import dev.selfreg.checks.Product;
import dev.selfreg.checks.ProductFile;
import dev.selfreg.checks.ProductFileException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --product FILE}, shared by the commands that run a platform: the product declaration the certification
 * checks judge every device by. A file that cannot be read as one is a usage error naming the file and line.
 */
final class ProductOption {

    @Option(names = "--product", paramLabel = "FILE", converter = Declaration.class,
            description = "Product declaration (YAML) the certification checks judge devices by; see examples/product.yaml.")
    Product product;

    /** The declaration given, or {@link Product#UNDECLARED}. */
    Product declared() {
        return product != null ? product : Product.UNDECLARED;
    }

    /** Reads the file when the option is parsed. */
    static final class Declaration implements ITypeConverter<Product> {
        @Override
        public Product convert(String file) {
            try {
                return ProductFile.read(Path.of(file));
            } catch (ProductFileException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
