"""The release: the student folder and zip, the otter autograder zip, the solution notebook,
and the leak scan that keeps hidden tests and reference code out of what students get."""
