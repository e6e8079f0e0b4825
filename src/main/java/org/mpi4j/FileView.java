package org.mpi4j;

/**
 * A file view ({@code MPI_File_set_view} / {@code MPI_File_get_view}): where a process's part of
 * the file starts ({@code displacement}, in bytes), the unit of access and offsets ({@code etype}),
 * the pattern of the process's bytes in the file ({@code filetype}, a multiple of {@code etype};
 * derived types such as {@link Datatype#vector} or {@link Datatype#subarray} make non-contiguous
 * views), and the data representation ({@link File#NATIVE}, {@link File#INTERNAL},
 * {@link File#EXTERNAL32}).
 *
 * <p>Derived types in a view returned by {@link File#getView()} are new datatypes the caller owns
 * and frees ({@link #free()}); predefined ones are the constants of {@link Datatype}.
 *
 * @param displacement the view's start in bytes from the beginning of the file
 * @param etype        the elementary type
 * @param filetype     the file type
 * @param datarep      the data representation
 */
public record FileView(long displacement, Datatype etype, Datatype filetype, String datarep) {
    /** Checks the components for null. */
    public FileView {
        Errors.checkNotNull(etype, "etype");
        Errors.checkNotNull(filetype, "filetype");
        Errors.checkNotNull(datarep, "datarep");
    }

    /** A view of {@code type} for both etype and filetype in the native representation. */
    public static FileView of(long displacement, Datatype type) {
        return new FileView(displacement, type, type, File.NATIVE);
    }

    /**
     * Frees the derived types {@link File#getView()} returned; predefined ones are left alone (MPI
     * returns the same handle for etype and filetype when they are one type: it is freed once).
     */
    public void free() {
        if (!etype.isPredefined() && !etype.isFreed()) {
            etype.free();
        }
        if (!filetype.isPredefined() && !filetype.isFreed() && filetype != etype) {
            filetype.free();
        }
    }
}
