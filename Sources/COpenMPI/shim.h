// Open MPI's C API for Swift. MPI_COMM_WORLD, the datatypes, MPI_SUM and MPI_ERRORS_RETURN are
// macros over Open MPI's globals that Swift cannot import; these functions return them.
#include <mpi.h>

static inline MPI_Comm lutnet_mpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype lutnet_mpi_uint32(void) { return MPI_UINT32_T; }
static inline MPI_Datatype lutnet_mpi_uint64(void) { return MPI_UINT64_T; }
static inline MPI_Datatype lutnet_mpi_byte(void) { return MPI_BYTE; }
static inline MPI_Op lutnet_mpi_sum(void) { return MPI_SUM; }
static inline MPI_Errhandler lutnet_mpi_errors_return(void) { return MPI_ERRORS_RETURN; }
static inline void *lutnet_mpi_in_place(void) { return MPI_IN_PLACE; }
static inline MPI_Status *lutnet_mpi_status_ignore(void) { return MPI_STATUS_IGNORE; }
static inline MPI_Request lutnet_mpi_request_null(void) { return MPI_REQUEST_NULL; }
