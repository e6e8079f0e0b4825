/*
 * Entry header for jextract: the MPI API as Open MPI declares it.
 * jextract.conf restricts the output to the MPI_* functions, constants,
 * typedefs and the MPI_Status struct.
 */
#include <mpi.h>
