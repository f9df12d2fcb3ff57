Feature: Authentication and org isolation
  Every request is made by an org's till with its credentials. Without them nothing is answered, and an
  org never sees, nor learns of, another org's customers.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1

  Rule: Requests without the till's credentials are refused

    @seed:contract @req:contract-01
    Scenario: Reading a customer without credentials
      When the customer details of "Asha" are read without credentials
      Then the request is refused with error 401

    # The platform's credentials are base64(till:md5hex(password)); the password itself is not its md5.
    @seed:contract @req:contract-01
    Scenario: Reading a customer with the till's password where its md5 belongs
      When the customer details of "Asha" are read with the till password sent where its md5 belongs
      Then the request is refused with error 401

    @seed:contract @req:contract-01
    Scenario: Reading a customer with one more digit after the md5 of the till's password
      When the customer details of "Asha" are read with one more digit after the md5 of the till password
      Then the request is refused with error 401

    @seed:contract @req:contract-01
    Scenario: Registering without credentials
      When a loyalty registration without credentials arrives through INSTORE with mobile M2
      Then the request is refused with error 401
      And no customer is found with mobile M2

  Rule: An org cannot reach another org's customers

    @seed:contract @req:contract-02
    Scenario: Another org reads the customer by id
      When another org reads the customer details of "Asha"
      Then the request is refused with error 8015

    @seed:contract @req:contract-02
    Scenario: Another org looks the customer up by mobile
      When another org looks up the mobile M1 through INSTORE
      Then the request is refused with error 8015
