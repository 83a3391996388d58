package kverify.impl.luo;

import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;

/** The two kinds of linked block: their header and entry layouts. */
enum BlockKind {
    SESSION {
        @Override
        long readNext(PhysicalMemory m, long pa) {
            return SessionHeaderSer.next(m, pa);
        }

        @Override
        long readCount(PhysicalMemory m, long pa) {
            return SessionHeaderSer.count(m, pa);
        }

        @Override
        void writeNext(PhysicalMemory m, long pa, long next) {
            SessionHeaderSer.writeNext(m, pa, next);
        }

        @Override
        void writeCount(PhysicalMemory m, long pa, long count) {
            SessionHeaderSer.writeCount(m, pa, count);
        }

        @Override
        int headerSize() {
            return SessionHeaderSer.SIZE;
        }

        @Override
        int entrySize() {
            return SessionSer.SIZE;
        }
    },
    FILE {
        @Override
        long readNext(PhysicalMemory m, long pa) {
            return FileHeaderSer.next(m, pa);
        }

        @Override
        long readCount(PhysicalMemory m, long pa) {
            return FileHeaderSer.count(m, pa);
        }

        @Override
        void writeNext(PhysicalMemory m, long pa, long next) {
            FileHeaderSer.writeNext(m, pa, next);
        }

        @Override
        void writeCount(PhysicalMemory m, long pa, long count) {
            FileHeaderSer.writeCount(m, pa, count);
        }

        @Override
        int headerSize() {
            return FileHeaderSer.SIZE;
        }

        @Override
        int entrySize() {
            return FileSer.SIZE;
        }
    };

    abstract long readNext(PhysicalMemory m, long pa);

    abstract long readCount(PhysicalMemory m, long pa);

    abstract void writeNext(PhysicalMemory m, long pa, long next);

    abstract void writeCount(PhysicalMemory m, long pa, long count);

    abstract int headerSize();

    abstract int entrySize();
}
