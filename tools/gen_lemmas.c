/* gen_lemmas.c -- STUB converter. */
#include <stdio.h>
int main(int argc, char **argv)
{
    (void)argc; (void)argv;
    printf("const int lemmadata_stub = 0;\n");
    return 0;
}
