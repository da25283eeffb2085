/* gen_tagmodel.c -- STUB converter. */
#include <stdio.h>
int main(int argc, char **argv)
{
    (void)argc; (void)argv;
    printf("const int tagmodel_stub = 0;\n");
    return 0;
}
