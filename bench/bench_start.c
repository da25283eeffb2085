/*
 * bench_start.c -- wall time of a whole process, from its spawn to its
 * exit: what a user waits for when `dyad code` codes one short article.
 * A shell's `time` rounds to 10 ms and adds its own fork; this spawns the
 * command directly and times it with a monotonic clock.
 *
 *   build/bench_start N COMMAND [ARG...]
 *
 * Runs the command N times (standard output to /dev/null) and prints
 * "best=… ms median=… ms runs=N".  Exit status 1 when a run fails.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3 || atoi(argv[1]) < 1) {
        fprintf(stderr, "usage: bench_start N COMMAND [ARG...]\n");
        return 2;
    }
    int n = atoi(argv[1]);
    double *ms = malloc((size_t)n * sizeof *ms);
    posix_spawn_file_actions_t fa;
    if (!ms || posix_spawn_file_actions_init(&fa) ||
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0))
        return 1;
    for (int i = 0; i < n; i++) {
        struct timespec t0, t1;
        pid_t pid;
        int status;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (posix_spawn(&pid, argv[2], &fa, NULL, argv + 2, environ) != 0 || waitpid(pid, &status, 0) != pid) {
            perror(argv[2]);
            return 1;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_start: %s failed (status %d)\n", argv[2], status);
            return 1;
        }
        ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    printf("best=%.1f ms median=%.1f ms runs=%d\n", ms[0], ms[n / 2], n);
    posix_spawn_file_actions_destroy(&fa);
    free(ms);
    return 0;
}
