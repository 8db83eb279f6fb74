package io.scheduler.boot.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of the scheduler, with their key names. */
public enum JobExecutionObservationDocumentation implements ObservationDocumentation {

  /**
   * One run of a job, from just before its task starts until it returns (or, for a task that
   * returns a {@code CompletionStage}, until the stage completes).
   */
  JOB_EXECUTION {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultJobExecutionObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeyNames.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return HighCardinalityKeyNames.values();
    }
  };

  /** Keys that become tags of the timer as well as span attributes. */
  public enum LowCardinalityKeyNames implements KeyName {

    /** The job id; only when {@code scheduler.metrics.job-tag} is enabled. */
    JOB {
      @Override
      public String asString() {
        return "job";
      }

      @Override
      public boolean isRequired() {
        return false;
      }
    },

    /** How the run ended: {@code success} or {@code error}. */
    OUTCOME {
      @Override
      public String asString() {
        return "outcome";
      }
    },

    /** The alias of the executor that ran the job. */
    EXECUTOR {
      @Override
      public String asString() {
        return "executor";
      }
    },

    /** The alias of the store that holds the job. */
    JOBSTORE {
      @Override
      public String asString() {
        return "jobstore";
      }
    }
  }

  /** Keys that become span attributes only. */
  public enum HighCardinalityKeyNames implements KeyName {

    /** The job id. */
    JOB_ID {
      @Override
      public String asString() {
        return "job.id";
      }
    },

    /** The job's display name. */
    JOB_NAME {
      @Override
      public String asString() {
        return "job.name";
      }
    }
  }
}
