package io.columnline.adapters.csv;

import dagger.Binds;
import dagger.Module;
import io.columnline.application.port.out.CsvFiles;

/** Binds the file-reading port to FastCSV. */
@Module
public abstract class CsvModule {
  private CsvModule() {}

  @Binds
  abstract CsvFiles csvFiles(FastCsvFiles files);
}
