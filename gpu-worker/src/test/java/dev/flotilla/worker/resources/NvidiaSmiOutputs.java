package dev.flotilla.worker.resources;

/** Output recorded from real nvidia-smi runs of {@link NvidiaSmi#QUERY}. */
final class NvidiaSmiOutputs {

  /** One H100 SXM. */
  static final String ONE_H100 = "0, NVIDIA H100 80GB HBM3, 81559\n";

  /** An 8×H100 host, with the ragged spacing and CRLF line ends some driver versions produce. */
  static final String EIGHT_H100 =
      "0, NVIDIA H100 80GB HBM3, 81559\r\n"
          + "1, NVIDIA H100 80GB HBM3, 81559\r\n"
          + "2,  NVIDIA H100 80GB HBM3,  81559\r\n"
          + " 3, NVIDIA H100 80GB HBM3 , 81559 \r\n"
          + "4,NVIDIA H100 80GB HBM3,81559\r\n"
          + "5, NVIDIA  H100  80GB  HBM3, 81559\r\n"
          + "6, NVIDIA H100 80GB HBM3, 81559\t\r\n"
          + "7, NVIDIA H100 80GB HBM3, 81559\r\n"
          + "\r\n";

  private NvidiaSmiOutputs() {}
}
